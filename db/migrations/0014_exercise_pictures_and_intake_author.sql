CREATE TABLE "exercise_uploads" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"exercise_id" uuid NOT NULL,
	"content_type" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"byte_size" integer NOT NULL,
	"sha256" text NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exercise_uploads_type_check" CHECK ("exercise_uploads"."content_type" in ('image/png', 'image/jpeg', 'image/webp')),
	CONSTRAINT "exercise_uploads_size_check" CHECK ("exercise_uploads"."byte_size" between 1 and 2097152 and "exercise_uploads"."byte_size" = octet_length("exercise_uploads"."bytes"))
);
--> statement-breakpoint
ALTER TABLE "intakes" ADD COLUMN "entered_by" text DEFAULT 'patient' NOT NULL;--> statement-breakpoint
ALTER TABLE "intakes" ADD COLUMN "entered_by_user_id" uuid;--> statement-breakpoint
ALTER TABLE "exercises" ADD COLUMN "picture_start_url" text;--> statement-breakpoint
ALTER TABLE "exercises" ADD COLUMN "picture_start_alt" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "exercises" ADD COLUMN "picture_end_url" text;--> statement-breakpoint
ALTER TABLE "exercises" ADD COLUMN "picture_end_alt" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "exercises" ADD COLUMN "picture_licence" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "exercises" ADD COLUMN "picture_attribution" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "exercise_uploads" ADD CONSTRAINT "exercise_uploads_exercise_id_exercises_id_fk" FOREIGN KEY ("exercise_id") REFERENCES "public"."exercises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exercise_uploads" ADD CONSTRAINT "exercise_uploads_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "exercise_uploads_exercise_idx" ON "exercise_uploads" USING btree ("exercise_id");--> statement-breakpoint
ALTER TABLE "intakes" ADD CONSTRAINT "intakes_entered_by_user_id_users_id_fk" FOREIGN KEY ("entered_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intakes" ADD CONSTRAINT "intakes_entered_by_check" CHECK ("intakes"."entered_by" in ('patient', 'staff'));