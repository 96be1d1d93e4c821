CREATE TABLE "email_challenges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"appointment_id" uuid,
	"code_mac" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"verified_at" timestamp with time zone,
	"verified_by" uuid,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "email_challenges_attempts_check" CHECK ("email_challenges"."attempts" >= 0)
);
--> statement-breakpoint
ALTER TABLE "patients" ADD COLUMN "is_provisional" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "patients" ADD COLUMN "merged_into_patient_id" uuid;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "verification_expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "email_challenges" ADD CONSTRAINT "email_challenges_appointment_id_appointments_id_fk" FOREIGN KEY ("appointment_id") REFERENCES "public"."appointments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_challenges" ADD CONSTRAINT "email_challenges_verified_by_users_id_fk" FOREIGN KEY ("verified_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "email_challenges_email_idx" ON "email_challenges" USING btree (lower("email"),"created_at");--> statement-breakpoint
CREATE INDEX "email_challenges_appointment_idx" ON "email_challenges" USING btree ("appointment_id");--> statement-breakpoint
CREATE INDEX "appointments_pending_verification_idx" ON "appointments" USING btree ("verification_expires_at") WHERE "appointments"."verification_expires_at" is not null;