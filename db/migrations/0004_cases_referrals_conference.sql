CREATE TYPE "public"."case_status" AS ENUM('new', 'triaged', 'in_care', 'case_conference', 'discharged');--> statement-breakpoint
CREATE TYPE "public"."duration_class" AS ENUM('acute', 'subacute', 'chronic');--> statement-breakpoint
CREATE TYPE "public"."referral_direction" AS ENUM('incoming', 'outgoing');--> statement-breakpoint
CREATE TYPE "public"."referral_status" AS ENUM('received', 'sent', 'accepted', 'seen', 'closed');--> statement-breakpoint
CREATE TYPE "public"."specialty" AS ENUM('oncology', 'hematology', 'rheumatology', 'bone_health', 'primary_care', 'imaging', 'surgery', 'pain_management', 'other');--> statement-breakpoint
CREATE TABLE "case_note_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"note_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"body" text NOT NULL,
	"edited_by" uuid NOT NULL,
	"edited_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"author_user_id" uuid NOT NULL,
	"author_discipline" "discipline",
	"body" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"status" "case_status" DEFAULT 'new' NOT NULL,
	"priority" "priority" DEFAULT 'routine' NOT NULL,
	"priority_rank" smallint DEFAULT 3 NOT NULL,
	"duration_class" "duration_class",
	"pain_started_on" date,
	"lead_practitioner_id" uuid,
	"disciplines" "discipline"[] DEFAULT '{}' NOT NULL,
	"suggested_discipline" "discipline",
	"red_flags" text[] DEFAULT '{}'::text[] NOT NULL,
	"has_red_flags" boolean DEFAULT false NOT NULL,
	"red_flags_cleared_at" timestamp with time zone,
	"red_flags_cleared_by" uuid,
	"awaiting_review" boolean DEFAULT false NOT NULL,
	"triage_reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"search_text" text DEFAULT '' NOT NULL,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"discharged_at" timestamp with time zone,
	CONSTRAINT "cases_priority_rank_check" CHECK ("cases"."priority_rank" between 0 and 3)
);
--> statement-breakpoint
CREATE TABLE "pain_scores" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"score" smallint NOT NULL,
	"source" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pain_scores_score_check" CHECK ("pain_scores"."score" between 0 and 10)
);
--> statement-breakpoint
CREATE TABLE "psfs_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"items" jsonb NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "referrals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"direction" "referral_direction" NOT NULL,
	"specialty" "specialty" NOT NULL,
	"counterpart" text NOT NULL,
	"reason" text NOT NULL,
	"letter_text" text DEFAULT '' NOT NULL,
	"status" "referral_status" NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "action_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conference_item_id" uuid,
	"case_id" uuid NOT NULL,
	"owner_practitioner_id" uuid NOT NULL,
	"description" text NOT NULL,
	"due_on" date NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone,
	"completed_by" uuid
);
--> statement-breakpoint
CREATE TABLE "clinic_settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "conference_attendees" (
	"conference_id" uuid NOT NULL,
	"practitioner_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "conference_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conference_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"nominated_by" uuid,
	"reason" text NOT NULL,
	"recommendation" text DEFAULT '' NOT NULL,
	"outcome_status" "case_status",
	"discussed_at" timestamp with time zone,
	"discussed_by" uuid
);
--> statement-breakpoint
CREATE TABLE "conferences" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"held_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "cancelled_by" text;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "case_id" uuid;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "arrived_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "proposed_starts_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "case_id" uuid;--> statement-breakpoint
ALTER TABLE "case_note_versions" ADD CONSTRAINT "case_note_versions_note_id_case_notes_id_fk" FOREIGN KEY ("note_id") REFERENCES "public"."case_notes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_note_versions" ADD CONSTRAINT "case_note_versions_edited_by_users_id_fk" FOREIGN KEY ("edited_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_notes" ADD CONSTRAINT "case_notes_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_notes" ADD CONSTRAINT "case_notes_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_lead_practitioner_id_practitioners_id_fk" FOREIGN KEY ("lead_practitioner_id") REFERENCES "public"."practitioners"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_red_flags_cleared_by_users_id_fk" FOREIGN KEY ("red_flags_cleared_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pain_scores" ADD CONSTRAINT "pain_scores_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "psfs_assessments" ADD CONSTRAINT "psfs_assessments_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "psfs_assessments" ADD CONSTRAINT "psfs_assessments_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_conference_item_id_conference_items_id_fk" FOREIGN KEY ("conference_item_id") REFERENCES "public"."conference_items"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_owner_practitioner_id_practitioners_id_fk" FOREIGN KEY ("owner_practitioner_id") REFERENCES "public"."practitioners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_completed_by_users_id_fk" FOREIGN KEY ("completed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_attendees" ADD CONSTRAINT "conference_attendees_conference_id_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."conferences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_attendees" ADD CONSTRAINT "conference_attendees_practitioner_id_practitioners_id_fk" FOREIGN KEY ("practitioner_id") REFERENCES "public"."practitioners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_items" ADD CONSTRAINT "conference_items_conference_id_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."conferences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_items" ADD CONSTRAINT "conference_items_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_items" ADD CONSTRAINT "conference_items_nominated_by_users_id_fk" FOREIGN KEY ("nominated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_items" ADD CONSTRAINT "conference_items_discussed_by_users_id_fk" FOREIGN KEY ("discussed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_note_versions_note_idx" ON "case_note_versions" USING btree ("note_id","version");--> statement-breakpoint
CREATE INDEX "case_notes_case_idx" ON "case_notes" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE INDEX "cases_patient_idx" ON "cases" USING btree ("patient_id","opened_at");--> statement-breakpoint
CREATE INDEX "cases_queue_idx" ON "cases" USING btree ("priority_rank","opened_at","id");--> statement-breakpoint
CREATE INDEX "cases_status_queue_idx" ON "cases" USING btree ("status","priority_rank","opened_at","id");--> statement-breakpoint
CREATE INDEX "cases_lead_idx" ON "cases" USING btree ("lead_practitioner_id","priority_rank","opened_at","id");--> statement-breakpoint
CREATE INDEX "pain_scores_case_idx" ON "pain_scores" USING btree ("case_id","recorded_at");--> statement-breakpoint
CREATE INDEX "psfs_case_idx" ON "psfs_assessments" USING btree ("case_id","recorded_at");--> statement-breakpoint
CREATE INDEX "referrals_case_idx" ON "referrals" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE INDEX "action_items_owner_idx" ON "action_items" USING btree ("owner_practitioner_id","due_on") WHERE "action_items"."completed_at" is null;--> statement-breakpoint
CREATE INDEX "action_items_case_idx" ON "action_items" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "conference_attendees_key" ON "conference_attendees" USING btree ("conference_id","practitioner_id");--> statement-breakpoint
CREATE UNIQUE INDEX "conference_items_case_key" ON "conference_items" USING btree ("conference_id","case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "conferences_starts_at_key" ON "conferences" USING btree ("starts_at");--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "appointments_case_idx" ON "appointments" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "audit_events_action_idx" ON "audit_events" USING btree ("action","at");