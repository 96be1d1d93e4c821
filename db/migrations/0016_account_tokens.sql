CREATE TYPE "public"."account_token_purpose" AS ENUM('portal_setup', 'password_reset', 'staff_invite');--> statement-breakpoint
CREATE TABLE "account_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"purpose" "account_token_purpose" NOT NULL,
	"token_hash" text NOT NULL,
	"email" text NOT NULL,
	"user_id" uuid,
	"patient_id" uuid,
	"name" text,
	"role" "role",
	"discipline" "discipline",
	"location_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "account_tokens_reset_user_check" CHECK ("account_tokens"."purpose" <> 'password_reset' or "account_tokens"."user_id" is not null),
	CONSTRAINT "account_tokens_portal_patient_check" CHECK ("account_tokens"."purpose" <> 'portal_setup' or "account_tokens"."patient_id" is not null),
	CONSTRAINT "account_tokens_invite_check" CHECK ("account_tokens"."purpose" <> 'staff_invite' or ("account_tokens"."name" is not null and "account_tokens"."role" in ('staff', 'practitioner', 'admin') and ("account_tokens"."role" <> 'practitioner' or "account_tokens"."discipline" is not null)))
);
--> statement-breakpoint
ALTER TABLE "practitioners" ADD COLUMN "location_id" uuid;--> statement-breakpoint
ALTER TABLE "account_tokens" ADD CONSTRAINT "account_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_tokens" ADD CONSTRAINT "account_tokens_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_tokens" ADD CONSTRAINT "account_tokens_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_tokens" ADD CONSTRAINT "account_tokens_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "account_tokens_hash_key" ON "account_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "account_tokens_email_idx" ON "account_tokens" USING btree ("purpose",lower("email"));--> statement-breakpoint
CREATE INDEX "account_tokens_patient_idx" ON "account_tokens" USING btree ("patient_id");--> statement-breakpoint
CREATE INDEX "account_tokens_user_idx" ON "account_tokens" USING btree ("user_id");--> statement-breakpoint
ALTER TABLE "practitioners" ADD CONSTRAINT "practitioners_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE set null ON UPDATE no action;