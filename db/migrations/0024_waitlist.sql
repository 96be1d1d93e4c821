CREATE TABLE "waitlist_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid,
	"contact" jsonb,
	"email" text NOT NULL,
	"intake" jsonb NOT NULL,
	"guardian" jsonb,
	"service_id" uuid NOT NULL,
	"practitioner_id" uuid,
	"location_id" uuid,
	"weekdays" smallint[] NOT NULL,
	"day_parts" text[] NOT NULL,
	"until" date NOT NULL,
	"priority" "priority" NOT NULL,
	"status" text DEFAULT 'waiting' NOT NULL,
	"appointment_id" uuid,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "waitlist_entries_status_check" CHECK ("waitlist_entries"."status" in ('waiting', 'booked', 'left', 'expired')),
	CONSTRAINT "waitlist_entries_weekdays_check" CHECK (cardinality("waitlist_entries"."weekdays") between 1 and 7 and "waitlist_entries"."weekdays" <@ array[1,2,3,4,5,6,7]::smallint[]),
	CONSTRAINT "waitlist_entries_day_parts_check" CHECK (cardinality("waitlist_entries"."day_parts") between 1 and 3 and "waitlist_entries"."day_parts" <@ array['morning','afternoon','evening']::text[]),
	CONSTRAINT "waitlist_entries_who_check" CHECK ("waitlist_entries"."patient_id" is not null or "waitlist_entries"."contact" is not null)
);
--> statement-breakpoint
CREATE TABLE "waitlist_freed" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"practitioner_id" uuid NOT NULL,
	"freed_from" timestamp with time zone NOT NULL,
	"freed_until" timestamp with time zone NOT NULL,
	"freed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "waitlist_offers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entry_id" uuid NOT NULL,
	"practitioner_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	"location_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"blocked_from" timestamp with time zone NOT NULL,
	"blocked_until" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'offered' NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"freed_at" timestamp with time zone NOT NULL,
	"appointment_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"responded_at" timestamp with time zone,
	CONSTRAINT "waitlist_offers_status_check" CHECK ("waitlist_offers"."status" in ('offered', 'accepted', 'declined', 'expired', 'lost', 'withdrawn')),
	CONSTRAINT "waitlist_offers_order_check" CHECK ("waitlist_offers"."starts_at" < "waitlist_offers"."ends_at" and "waitlist_offers"."blocked_from" <= "waitlist_offers"."starts_at" and "waitlist_offers"."blocked_until" >= "waitlist_offers"."ends_at")
);
--> statement-breakpoint
ALTER TABLE "waitlist_entries" ADD CONSTRAINT "waitlist_entries_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waitlist_entries" ADD CONSTRAINT "waitlist_entries_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waitlist_entries" ADD CONSTRAINT "waitlist_entries_practitioner_id_practitioners_id_fk" FOREIGN KEY ("practitioner_id") REFERENCES "public"."practitioners"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waitlist_entries" ADD CONSTRAINT "waitlist_entries_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waitlist_entries" ADD CONSTRAINT "waitlist_entries_appointment_id_appointments_id_fk" FOREIGN KEY ("appointment_id") REFERENCES "public"."appointments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waitlist_entries" ADD CONSTRAINT "waitlist_entries_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waitlist_offers" ADD CONSTRAINT "waitlist_offers_entry_id_waitlist_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."waitlist_entries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waitlist_offers" ADD CONSTRAINT "waitlist_offers_practitioner_id_practitioners_id_fk" FOREIGN KEY ("practitioner_id") REFERENCES "public"."practitioners"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waitlist_offers" ADD CONSTRAINT "waitlist_offers_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waitlist_offers" ADD CONSTRAINT "waitlist_offers_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waitlist_offers" ADD CONSTRAINT "waitlist_offers_appointment_id_appointments_id_fk" FOREIGN KEY ("appointment_id") REFERENCES "public"."appointments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "waitlist_entries_waiting_idx" ON "waitlist_entries" USING btree ("service_id","priority","created_at") WHERE "waitlist_entries"."status" = 'waiting';--> statement-breakpoint
CREATE INDEX "waitlist_entries_patient_idx" ON "waitlist_entries" USING btree ("patient_id");--> statement-breakpoint
CREATE UNIQUE INDEX "waitlist_offers_one_open_per_entry" ON "waitlist_offers" USING btree ("entry_id") WHERE "waitlist_offers"."status" = 'offered';--> statement-breakpoint
CREATE INDEX "waitlist_offers_open_idx" ON "waitlist_offers" USING btree ("practitioner_id","blocked_from","blocked_until") WHERE "waitlist_offers"."status" = 'offered';--> statement-breakpoint
CREATE INDEX "waitlist_offers_expiry_idx" ON "waitlist_offers" USING btree ("expires_at") WHERE "waitlist_offers"."status" = 'offered';--> statement-breakpoint
CREATE INDEX "waitlist_offers_entry_idx" ON "waitlist_offers" USING btree ("entry_id","starts_at");--> statement-breakpoint
-- Hand-written (keep when regenerating). A time is never offered twice at once: two open offers of one
-- practitioner cannot overlap (buffers included), whichever instance of the job made them.
ALTER TABLE "waitlist_offers" ADD CONSTRAINT "waitlist_offers_no_overlap" EXCLUDE USING gist (
  "practitioner_id" WITH =,
  tstzrange("blocked_from", "blocked_until", '[)') WITH &&
) WHERE ("status" = 'offered');
--> statement-breakpoint
-- An open offer holds its time for its patient: any other active appointment over it is refused like an
-- overlap (23P01), so every path (booking, moves, series, the desk) meets the hold. The accepting
-- transaction names its offer in the setting backline.accepting_offer. The status list must match
-- ACTIVE_APPOINTMENT_STATUSES in lib/appointments/status.ts.
CREATE OR REPLACE FUNCTION refuse_appointments_over_holds() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status NOT IN ('requested', 'confirmed', 'completed') THEN
    RETURN NEW;
  END IF;
  IF TG_OP = 'UPDATE' AND OLD.status IN ('requested', 'confirmed', 'completed') AND OLD.practitioner_id = NEW.practitioner_id
     AND OLD.blocked_from = NEW.blocked_from AND OLD.blocked_until = NEW.blocked_until THEN
    RETURN NEW;
  END IF;
  IF EXISTS (
    SELECT 1 FROM waitlist_offers o
    WHERE o.status = 'offered' AND o.practitioner_id = NEW.practitioner_id
      AND o.blocked_from < NEW.blocked_until AND o.blocked_until > NEW.blocked_from
      AND o.id::text IS DISTINCT FROM nullif(current_setting('backline.accepting_offer', true), '')
  ) THEN
    RAISE EXCLUSION_VIOLATION USING MESSAGE = 'the time is held for a patient on the waitlist', CONSTRAINT = 'waitlist_offers_hold';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER appointments_refuse_holds BEFORE INSERT OR UPDATE OF status, practitioner_id, blocked_from, blocked_until ON appointments
  FOR EACH ROW EXECUTE FUNCTION refuse_appointments_over_holds();
--> statement-breakpoint
-- Freed times, noted in the transaction that frees them (only while someone waits), and a NOTIFY that
-- PostgreSQL delivers at commit: the waitlist job wakes at once on every instance listening.
CREATE OR REPLACE FUNCTION note_waitlist_freed(practitioner uuid, freed_from timestamptz, freed_until timestamptz) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF freed_until <= now() OR NOT EXISTS (SELECT 1 FROM waitlist_entries WHERE status = 'waiting') THEN
    RETURN;
  END IF;
  INSERT INTO waitlist_freed (practitioner_id, freed_from, freed_until) VALUES (practitioner, greatest(freed_from, now()), freed_until);
  PERFORM pg_notify('backline_waitlist', '');
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION note_freed_appointment() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status NOT IN ('requested', 'confirmed') THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'DELETE' OR NEW.status NOT IN ('requested', 'confirmed', 'completed') OR NEW.practitioner_id <> OLD.practitioner_id
     OR NEW.blocked_from <> OLD.blocked_from OR NEW.blocked_until <> OLD.blocked_until THEN
    PERFORM note_waitlist_freed(OLD.practitioner_id, OLD.blocked_from, OLD.blocked_until);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER appointments_note_freed AFTER UPDATE OF status, practitioner_id, blocked_from, blocked_until OR DELETE ON appointments
  FOR EACH ROW EXECUTE FUNCTION note_freed_appointment();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION note_freed_time_off() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'time_off' THEN
    PERFORM note_waitlist_freed(OLD.practitioner_id, OLD.starts_at, OLD.ends_at);
  ELSE
    PERFORM note_waitlist_freed(wh.practitioner_id, OLD.starts_at, OLD.ends_at)
    FROM (SELECT DISTINCT practitioner_id FROM working_hours WHERE location_id = OLD.location_id) wh;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER time_off_note_freed AFTER DELETE OR UPDATE OF starts_at, ends_at ON time_off
  FOR EACH ROW EXECUTE FUNCTION note_freed_time_off();
--> statement-breakpoint
CREATE TRIGGER location_closures_note_freed AFTER DELETE OR UPDATE OF starts_at, ends_at ON location_closures
  FOR EACH ROW EXECUTE FUNCTION note_freed_time_off();
--> statement-breakpoint
-- Hours added or changed: anything from now to the booking horizon may have opened.
CREATE OR REPLACE FUNCTION note_freed_hours() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM note_waitlist_freed(NEW.practitioner_id, now(), now() + interval '400 days');
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER working_hours_note_freed AFTER INSERT OR UPDATE ON working_hours
  FOR EACH ROW EXECUTE FUNCTION note_freed_hours();
--> statement-breakpoint
-- Open offers are busy time in the availability loader: opening or closing one moves the calendar.
CREATE OR REPLACE FUNCTION bump_offer_calendars() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM bump_calendar_versions_of(ARRAY(SELECT practitioner_id FROM changed_new));
  ELSE
    PERFORM bump_calendar_versions_of(ARRAY(SELECT practitioner_id FROM changed_new UNION SELECT practitioner_id FROM changed_old));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER waitlist_offers_calendar_insert AFTER INSERT ON waitlist_offers REFERENCING NEW TABLE AS changed_new
  FOR EACH STATEMENT EXECUTE FUNCTION bump_offer_calendars();
--> statement-breakpoint
CREATE TRIGGER waitlist_offers_calendar_update AFTER UPDATE ON waitlist_offers REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new
  FOR EACH STATEMENT EXECUTE FUNCTION bump_offer_calendars();
