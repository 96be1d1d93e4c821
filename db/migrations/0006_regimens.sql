CREATE TABLE "daily_checkins" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"log_date" date NOT NULL,
	"pain" smallint,
	"comment" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "daily_checkins_pain_check" CHECK ("daily_checkins"."pain" is null or "daily_checkins"."pain" between 0 and 10)
);
--> statement-breakpoint
CREATE TABLE "exercise_logs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"regimen_item_id" uuid NOT NULL,
	"log_date" date NOT NULL,
	"sets_done" smallint NOT NULL,
	"logged_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exercise_logs_client_id_unique" UNIQUE("client_id"),
	CONSTRAINT "exercise_logs_sets_check" CHECK ("exercise_logs"."sets_done" between 0 and 10)
);
--> statement-breakpoint
CREATE TABLE "exercises" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"instructions" text NOT NULL,
	"body_area" text NOT NULL,
	"position" text NOT NULL,
	"difficulty" text NOT NULL,
	"equipment" text DEFAULT 'None' NOT NULL,
	"precautions" text DEFAULT '' NOT NULL,
	"media_url" text,
	"is_active" boolean DEFAULT true NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exercises_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "regimen_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"regimen_id" uuid NOT NULL,
	"exercise_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"sets" smallint NOT NULL,
	"reps" smallint,
	"duration_seconds" integer,
	"hold_seconds" smallint,
	"times_per_day" smallint NOT NULL,
	"days_per_week" smallint NOT NULL,
	"side" text DEFAULT 'both' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	CONSTRAINT "regimen_items_dose_check" CHECK (("regimen_items"."reps" is null) <> ("regimen_items"."duration_seconds" is null) and "regimen_items"."sets" between 1 and 10 and "regimen_items"."times_per_day" between 1 and 6 and "regimen_items"."days_per_week" between 1 and 7)
);
--> statement-breakpoint
CREATE TABLE "regimen_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"items" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "regimen_templates_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "regimens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"lineage_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"previous_id" uuid,
	"case_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"title" text NOT NULL,
	"start_date" date NOT NULL,
	"review_date" date NOT NULL,
	"is_current" boolean DEFAULT true NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "regimens_dates_check" CHECK ("regimens"."review_date" >= "regimens"."start_date")
);
--> statement-breakpoint
ALTER TABLE "action_items" ADD COLUMN "dedupe_key" text;--> statement-breakpoint
ALTER TABLE "daily_checkins" ADD CONSTRAINT "daily_checkins_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exercise_logs" ADD CONSTRAINT "exercise_logs_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exercise_logs" ADD CONSTRAINT "exercise_logs_regimen_item_id_regimen_items_id_fk" FOREIGN KEY ("regimen_item_id") REFERENCES "public"."regimen_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exercises" ADD CONSTRAINT "exercises_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regimen_items" ADD CONSTRAINT "regimen_items_regimen_id_regimens_id_fk" FOREIGN KEY ("regimen_id") REFERENCES "public"."regimens"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regimen_items" ADD CONSTRAINT "regimen_items_exercise_id_exercises_id_fk" FOREIGN KEY ("exercise_id") REFERENCES "public"."exercises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regimen_templates" ADD CONSTRAINT "regimen_templates_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regimens" ADD CONSTRAINT "regimens_previous_id_regimens_id_fk" FOREIGN KEY ("previous_id") REFERENCES "public"."regimens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regimens" ADD CONSTRAINT "regimens_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regimens" ADD CONSTRAINT "regimens_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regimens" ADD CONSTRAINT "regimens_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "daily_checkins_patient_date_key" ON "daily_checkins" USING btree ("patient_id","log_date");--> statement-breakpoint
CREATE INDEX "exercise_logs_patient_date_idx" ON "exercise_logs" USING btree ("patient_id","log_date");--> statement-breakpoint
CREATE INDEX "regimen_items_regimen_idx" ON "regimen_items" USING btree ("regimen_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "regimens_lineage_version_key" ON "regimens" USING btree ("lineage_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "regimens_one_current_per_case" ON "regimens" USING btree ("case_id") WHERE "regimens"."is_current";--> statement-breakpoint
CREATE INDEX "regimens_patient_idx" ON "regimens" USING btree ("patient_id","is_current");--> statement-breakpoint
CREATE UNIQUE INDEX "action_items_dedupe_key" ON "action_items" USING btree ("dedupe_key");