-- Hand-written: every change to what the availability engine reads about a practitioner bumps their
-- row in calendar_versions in the same transaction (statement-level triggers with transition tables:
-- one upsert per statement, however many rows). A cached calendar labelled with the version
-- read in the same statement as its data is current exactly when that version still is.
-- Keep this file when regenerating.
CREATE OR REPLACE FUNCTION bump_calendar_versions_of(ids uuid[]) RETURNS void
LANGUAGE sql AS $$
  -- In id order, so two transactions bumping the same practitioners lock them in the same order; only
  -- practitioners that still exist (deleting one cascades to their rows, which has nothing to bump).
  -- A random new version rather than +1: a database that is reset or restored under a running app
  -- would count again from 1 and could repeat a version an instance still holds; a random 53-bit value
  -- does not (and equality is all a version is compared by).
  INSERT INTO calendar_versions AS cv (practitioner_id, version)
  SELECT p.id, floor(random() * 9007199254740991)::bigint FROM practitioners p WHERE p.id = ANY (ids) ORDER BY p.id
  ON CONFLICT (practitioner_id) DO UPDATE SET version = excluded.version;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION bump_calendar_version() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM bump_calendar_versions_of(ARRAY(SELECT practitioner_id FROM changed_new));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM bump_calendar_versions_of(ARRAY(SELECT practitioner_id FROM changed_old));
  ELSE
    PERFORM bump_calendar_versions_of(ARRAY(SELECT practitioner_id FROM changed_new UNION SELECT practitioner_id FROM changed_old));
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
  PERFORM bump_calendar_versions_of(ARRAY(SELECT wh.practitioner_id FROM working_hours wh JOIN changed_new l ON l.id = wh.location_id));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER locations_calendar_update AFTER UPDATE ON locations REFERENCING NEW TABLE AS changed_new
  FOR EACH STATEMENT EXECUTE FUNCTION bump_calendar_version_of_location();
--> statement-breakpoint
-- TRUNCATE fires no row or transition-table triggers: it changes every calendar.
CREATE OR REPLACE FUNCTION bump_all_calendar_versions() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM bump_calendar_versions_of(ARRAY(SELECT id FROM practitioners));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER appointments_calendar_truncate AFTER TRUNCATE ON appointments FOR EACH STATEMENT EXECUTE FUNCTION bump_all_calendar_versions();
--> statement-breakpoint
CREATE TRIGGER time_off_calendar_truncate AFTER TRUNCATE ON time_off FOR EACH STATEMENT EXECUTE FUNCTION bump_all_calendar_versions();
--> statement-breakpoint
CREATE TRIGGER working_hours_calendar_truncate AFTER TRUNCATE ON working_hours FOR EACH STATEMENT EXECUTE FUNCTION bump_all_calendar_versions();
--> statement-breakpoint
CREATE TRIGGER practitioner_services_calendar_truncate AFTER TRUNCATE ON practitioner_services FOR EACH STATEMENT EXECUTE FUNCTION bump_all_calendar_versions();
