CREATE TABLE "patient_red_flags" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"code" text NOT NULL,
	"priority" "priority" NOT NULL,
	"first_reported_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_reported_at" timestamp with time zone DEFAULT now() NOT NULL,
	"cleared_at" timestamp with time zone,
	"cleared_by" uuid,
	"clearance_note" text,
	CONSTRAINT "patient_red_flags_clearance_check" CHECK (("patient_red_flags"."cleared_at" is null) = ("patient_red_flags"."cleared_by" is null) and ("patient_red_flags"."cleared_at" is null) = ("patient_red_flags"."clearance_note" is null))
);
--> statement-breakpoint
CREATE TABLE "red_flag_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"flag_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"appointment_id" uuid,
	"case_id" uuid,
	"actor_user_id" uuid,
	"note" text,
	CONSTRAINT "red_flag_events_kind_check" CHECK ("red_flag_events"."kind" in ('reported', 'cleared'))
);
--> statement-breakpoint
ALTER TABLE "cases" DROP CONSTRAINT "cases_red_flags_cleared_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "is_hands_on" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "intakes" ADD COLUMN "guardian_name" text;--> statement-breakpoint
ALTER TABLE "intakes" ADD COLUMN "guardian_relationship" text;--> statement-breakpoint
ALTER TABLE "intakes" ADD COLUMN "guardian_consent_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "discharge_reason" text;--> statement-breakpoint
ALTER TABLE "patient_red_flags" ADD CONSTRAINT "patient_red_flags_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_red_flags" ADD CONSTRAINT "patient_red_flags_cleared_by_users_id_fk" FOREIGN KEY ("cleared_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "red_flag_events" ADD CONSTRAINT "red_flag_events_flag_id_patient_red_flags_id_fk" FOREIGN KEY ("flag_id") REFERENCES "public"."patient_red_flags"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "red_flag_events" ADD CONSTRAINT "red_flag_events_appointment_id_appointments_id_fk" FOREIGN KEY ("appointment_id") REFERENCES "public"."appointments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "red_flag_events" ADD CONSTRAINT "red_flag_events_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "red_flag_events" ADD CONSTRAINT "red_flag_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "patient_red_flags_patient_code_key" ON "patient_red_flags" USING btree ("patient_id","code");--> statement-breakpoint
CREATE INDEX "patient_red_flags_uncleared_idx" ON "patient_red_flags" USING btree ("patient_id") WHERE "patient_red_flags"."cleared_at" is null;--> statement-breakpoint
CREATE INDEX "red_flag_events_flag_idx" ON "red_flag_events" USING btree ("flag_id","at");--> statement-breakpoint
-- Hand-written data step (keep when regenerating): services that were hands-on by discipline become
-- hands-on by data, and each case's red flags become the patient's flags, cleared when the case was.
UPDATE "services" SET "is_hands_on" = true WHERE "discipline" IN ('massage_therapist', 'chiropractor');--> statement-breakpoint
INSERT INTO "patient_red_flags" ("patient_id", "code", "priority", "first_reported_at", "last_reported_at", "cleared_at", "cleared_by", "clearance_note")
SELECT DISTINCT ON (c."patient_id", f.code) c."patient_id", f.code,
  (CASE WHEN f.code IN ('bladder_bowel_change', 'saddle_numbness', 'progressive_leg_weakness', 'bilateral_sciatica') THEN 'emergency'
        WHEN f.code IN ('fever_or_infection', 'immunosuppressed', 'major_trauma', 'osteoporosis_or_steroids') THEN 'same_day'
        ELSE 'within_48h' END)::"priority",
  c."opened_at", c."opened_at",
  CASE WHEN c."red_flags_cleared_by" IS NOT NULL THEN c."red_flags_cleared_at" END,
  CASE WHEN c."red_flags_cleared_at" IS NOT NULL THEN c."red_flags_cleared_by" END,
  CASE WHEN c."red_flags_cleared_at" IS NOT NULL AND c."red_flags_cleared_by" IS NOT NULL THEN 'Cleared for the whole case before per-flag clearance' END
FROM "cases" c CROSS JOIN LATERAL unnest(c."red_flags") AS f(code)
ORDER BY c."patient_id", f.code, c."opened_at" DESC;--> statement-breakpoint
INSERT INTO "red_flag_events" ("flag_id", "kind", "at") SELECT "id", 'reported', "first_reported_at" FROM "patient_red_flags";--> statement-breakpoint
INSERT INTO "red_flag_events" ("flag_id", "kind", "at", "actor_user_id", "note") SELECT "id", 'cleared', "cleared_at", "cleared_by", "clearance_note" FROM "patient_red_flags" WHERE "cleared_at" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" DROP COLUMN "red_flags_cleared_at";--> statement-breakpoint
ALTER TABLE "cases" DROP COLUMN "red_flags_cleared_by";--> statement-breakpoint
ALTER TABLE "intakes" ADD CONSTRAINT "intakes_guardian_check" CHECK (("intakes"."guardian_name" is null) = ("intakes"."guardian_relationship" is null) and ("intakes"."guardian_name" is null) = ("intakes"."guardian_consent_at" is null));