CREATE TYPE "public"."room_kind" AS ENUM('treatment', 'massage', 'exercise');--> statement-breakpoint
CREATE TABLE "rooms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"location_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" "room_kind" NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rooms_name_check" CHECK (char_length("rooms"."name") between 1 and 60)
);
--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "room_kind" "room_kind";--> statement-breakpoint
ALTER TABLE "time_off" ADD COLUMN "series_id" uuid;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "room_id" uuid;--> statement-breakpoint
ALTER TABLE "rooms" ADD CONSTRAINT "rooms_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "rooms_location_name_key" ON "rooms" USING btree ("location_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "rooms_id_location_key" ON "rooms" USING btree ("id","location_id");--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_room_location_fk" FOREIGN KEY ("room_id","location_id") REFERENCES "public"."rooms"("id","location_id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "time_off_series_idx" ON "time_off" USING btree ("series_id");--> statement-breakpoint
CREATE INDEX "appointments_active_room_idx" ON "appointments" USING btree ("room_id","starts_at","blocked_from","blocked_until") WHERE "appointments"."room_id" is not null and "appointments"."status" in ('requested', 'confirmed', 'completed');--> statement-breakpoint
-- Hand-written (keep when regenerating): a room holds one active appointment at a time, buffers
-- (turnover) included, exactly as appointments_no_overlap does for a practitioner. The status list must
-- match ACTIVE_APPOINTMENT_STATUSES in lib/appointments/status.ts.
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_room_no_overlap" EXCLUDE USING gist (
  "room_id" WITH =,
  tstzrange("blocked_from", "blocked_until", '[)') WITH &&
) WHERE ("room_id" IS NOT NULL AND "status" IN ('requested', 'confirmed', 'completed'));
--> statement-breakpoint
-- The room held is of the kind the service needs (the foreign key already keeps it at the appointment's location).
CREATE OR REPLACE FUNCTION appointments_room_kind_check() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.room_id IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM rooms r JOIN services s ON s.id = NEW.service_id WHERE r.id = NEW.room_id AND r.kind = s.room_kind
  ) THEN
    RAISE EXCEPTION 'room % is not of the kind service % needs', NEW.room_id, NEW.service_id USING ERRCODE = '23514', CONSTRAINT = 'appointments_room_kind_check';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER appointments_room_kind_check BEFORE INSERT OR UPDATE OF room_id, service_id ON appointments
  FOR EACH ROW EXECUTE FUNCTION appointments_room_kind_check();
--> statement-breakpoint
-- Who shares a room pool: everyone with hours at the rooms' location offering a service of their kind.
-- A room's appointment changes their free times too, so their calendar versions move with it (0009).
CREATE OR REPLACE FUNCTION practitioners_sharing_rooms(room_ids uuid[]) RETURNS uuid[]
LANGUAGE sql STABLE AS $$
  SELECT coalesce(array_agg(DISTINCT wh.practitioner_id), '{}')
  FROM rooms r
  JOIN working_hours wh ON wh.location_id = r.location_id
  JOIN practitioner_services ps ON ps.practitioner_id = wh.practitioner_id
  JOIN services s ON s.id = ps.service_id AND s.room_kind = r.kind
  WHERE r.id = ANY (room_ids);
$$;
--> statement-breakpoint
-- Appointments: one ordered bump per statement for the practitioners and everyone sharing the rooms
-- touched (two bumps could lock the same rows in two orders and deadlock).
CREATE OR REPLACE FUNCTION bump_appointment_calendars() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  ids uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    ids := ARRAY(SELECT practitioner_id FROM changed_new) || practitioners_sharing_rooms(ARRAY(SELECT room_id FROM changed_new WHERE room_id IS NOT NULL));
  ELSIF TG_OP = 'DELETE' THEN
    ids := ARRAY(SELECT practitioner_id FROM changed_old) || practitioners_sharing_rooms(ARRAY(SELECT room_id FROM changed_old WHERE room_id IS NOT NULL));
  ELSE
    ids := ARRAY(SELECT practitioner_id FROM changed_new UNION SELECT practitioner_id FROM changed_old)
      || practitioners_sharing_rooms(ARRAY(SELECT room_id FROM changed_new WHERE room_id IS NOT NULL UNION SELECT room_id FROM changed_old WHERE room_id IS NOT NULL));
  END IF;
  PERFORM bump_calendar_versions_of(ids);
  RETURN NULL;
END
$$;
--> statement-breakpoint
DROP TRIGGER appointments_calendar_insert ON appointments;
--> statement-breakpoint
DROP TRIGGER appointments_calendar_update ON appointments;
--> statement-breakpoint
DROP TRIGGER appointments_calendar_delete ON appointments;
--> statement-breakpoint
CREATE TRIGGER appointments_calendar_insert AFTER INSERT ON appointments REFERENCING NEW TABLE AS changed_new
  FOR EACH STATEMENT EXECUTE FUNCTION bump_appointment_calendars();
--> statement-breakpoint
CREATE TRIGGER appointments_calendar_update AFTER UPDATE ON appointments REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new
  FOR EACH STATEMENT EXECUTE FUNCTION bump_appointment_calendars();
--> statement-breakpoint
CREATE TRIGGER appointments_calendar_delete AFTER DELETE ON appointments REFERENCING OLD TABLE AS changed_old
  FOR EACH STATEMENT EXECUTE FUNCTION bump_appointment_calendars();
--> statement-breakpoint
-- Rooms added, renamed, deactivated or re-kinded change the free times of everyone sharing them.
CREATE OR REPLACE FUNCTION bump_calendar_versions_of_rooms() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM bump_calendar_versions_of(practitioners_sharing_rooms(ARRAY(SELECT id FROM changed_new)));
  ELSE
    -- Before the change (old kind) and after it (new kind): both pools moved.
    PERFORM bump_calendar_versions_of(
      ARRAY(SELECT DISTINCT wh.practitioner_id FROM working_hours wh
        JOIN practitioner_services ps ON ps.practitioner_id = wh.practitioner_id
        JOIN services s ON s.id = ps.service_id
        JOIN changed_old r ON r.location_id = wh.location_id AND s.room_kind = r.kind)
      || practitioners_sharing_rooms(ARRAY(SELECT id FROM changed_new)));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER rooms_calendar_insert AFTER INSERT ON rooms REFERENCING NEW TABLE AS changed_new
  FOR EACH STATEMENT EXECUTE FUNCTION bump_calendar_versions_of_rooms();
--> statement-breakpoint
CREATE TRIGGER rooms_calendar_update AFTER UPDATE ON rooms REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new
  FOR EACH STATEMENT EXECUTE FUNCTION bump_calendar_versions_of_rooms();
