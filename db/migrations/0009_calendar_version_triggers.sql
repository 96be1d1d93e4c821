-- Hand-written: every change to what the availability engine reads about a practitioner bumps
-- practitioners.calendar_version in the same transaction (statement-level triggers with transition
-- tables: one UPDATE per statement, however many rows). A cached calendar labelled with the version
-- read in the same statement as its data is current exactly when that version still is.
-- Keep this file when regenerating.
CREATE OR REPLACE FUNCTION bump_calendar_version() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE practitioners SET calendar_version = calendar_version + 1
     WHERE id IN (SELECT practitioner_id FROM changed_new);
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE practitioners SET calendar_version = calendar_version + 1
     WHERE id IN (SELECT practitioner_id FROM changed_old);
  ELSE
    UPDATE practitioners SET calendar_version = calendar_version + 1
     WHERE id IN (SELECT practitioner_id FROM changed_new UNION SELECT practitioner_id FROM changed_old);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER appointments_calendar_insert AFTER INSERT ON appointments REFERENCING NEW TABLE AS changed_new
  FOR EACH STATEMENT EXECUTE FUNCTION bump_calendar_version();
--> statement-breakpoint
CREATE TRIGGER appointments_calendar_update AFTER UPDATE ON appointments REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new
  FOR EACH STATEMENT EXECUTE FUNCTION bump_calendar_version();
--> statement-breakpoint
CREATE TRIGGER appointments_calendar_delete AFTER DELETE ON appointments REFERENCING OLD TABLE AS changed_old
  FOR EACH STATEMENT EXECUTE FUNCTION bump_calendar_version();
--> statement-breakpoint
CREATE TRIGGER time_off_calendar_insert AFTER INSERT ON time_off REFERENCING NEW TABLE AS changed_new
  FOR EACH STATEMENT EXECUTE FUNCTION bump_calendar_version();
--> statement-breakpoint
CREATE TRIGGER time_off_calendar_update AFTER UPDATE ON time_off REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new
  FOR EACH STATEMENT EXECUTE FUNCTION bump_calendar_version();
--> statement-breakpoint
CREATE TRIGGER time_off_calendar_delete AFTER DELETE ON time_off REFERENCING OLD TABLE AS changed_old
  FOR EACH STATEMENT EXECUTE FUNCTION bump_calendar_version();
--> statement-breakpoint
CREATE TRIGGER working_hours_calendar_insert AFTER INSERT ON working_hours REFERENCING NEW TABLE AS changed_new
  FOR EACH STATEMENT EXECUTE FUNCTION bump_calendar_version();
--> statement-breakpoint
CREATE TRIGGER working_hours_calendar_update AFTER UPDATE ON working_hours REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new
  FOR EACH STATEMENT EXECUTE FUNCTION bump_calendar_version();
--> statement-breakpoint
CREATE TRIGGER working_hours_calendar_delete AFTER DELETE ON working_hours REFERENCING OLD TABLE AS changed_old
  FOR EACH STATEMENT EXECUTE FUNCTION bump_calendar_version();
--> statement-breakpoint
CREATE TRIGGER practitioner_services_calendar_insert AFTER INSERT ON practitioner_services REFERENCING NEW TABLE AS changed_new
  FOR EACH STATEMENT EXECUTE FUNCTION bump_calendar_version();
--> statement-breakpoint
CREATE TRIGGER practitioner_services_calendar_update AFTER UPDATE ON practitioner_services REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new
  FOR EACH STATEMENT EXECUTE FUNCTION bump_calendar_version();
--> statement-breakpoint
CREATE TRIGGER practitioner_services_calendar_delete AFTER DELETE ON practitioner_services REFERENCING OLD TABLE AS changed_old
  FOR EACH STATEMENT EXECUTE FUNCTION bump_calendar_version();
--> statement-breakpoint
-- A location's time zone is part of every calendar of the practitioners who work there.
CREATE OR REPLACE FUNCTION bump_calendar_version_of_location() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE practitioners SET calendar_version = calendar_version + 1
   WHERE id IN (SELECT wh.practitioner_id FROM working_hours wh JOIN changed_new l ON l.id = wh.location_id);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER locations_calendar_update AFTER UPDATE ON locations REFERENCING NEW TABLE AS changed_new
  FOR EACH STATEMENT EXECUTE FUNCTION bump_calendar_version_of_location();
