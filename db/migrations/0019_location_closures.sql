CREATE TABLE "location_closures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"location_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "location_closures_order_check" CHECK ("location_closures"."starts_at" < "location_closures"."ends_at")
);
--> statement-breakpoint
ALTER TABLE "location_closures" ADD CONSTRAINT "location_closures_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "location_closures_location_idx" ON "location_closures" USING btree ("location_id","starts_at");--> statement-breakpoint
-- Hand-written: a closure changes the free times of everyone with hours at the location (see 0009).
CREATE OR REPLACE FUNCTION bump_calendar_versions_of_locations() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM bump_calendar_versions_of(ARRAY(SELECT DISTINCT wh.practitioner_id FROM working_hours wh WHERE wh.location_id IN (SELECT location_id FROM changed_old)));
  ELSE
    PERFORM bump_calendar_versions_of(ARRAY(SELECT DISTINCT wh.practitioner_id FROM working_hours wh WHERE wh.location_id IN (SELECT location_id FROM changed_new)));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER location_closures_calendar_insert AFTER INSERT ON location_closures REFERENCING NEW TABLE AS changed_new
  FOR EACH STATEMENT EXECUTE FUNCTION bump_calendar_versions_of_locations();
--> statement-breakpoint
CREATE TRIGGER location_closures_calendar_delete AFTER DELETE ON location_closures REFERENCING OLD TABLE AS changed_old
  FOR EACH STATEMENT EXECUTE FUNCTION bump_calendar_versions_of_locations();
