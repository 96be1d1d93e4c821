ALTER TABLE "appointment_series" ADD COLUMN "ended_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "appointment_series" ADD COLUMN "ended_reason" text;