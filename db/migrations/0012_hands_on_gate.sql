-- Hand-written: the hands-on gate as a database invariant (keep this file when regenerating).
-- A hands-on appointment (services.is_hands_on) is never confirmed or completed while its patient has an
-- uncleared red flag. lib/appointments/lifecycle.ts checks the same rule first, through the same
-- function, for a good message; this backstop refuses any path that forgets it (a direct UPDATE included).

-- What blocks hands-on care for a patient: every uncleared flag of theirs, plus any flag the request
-- itself reported that no clearance after the request covers (defensive: booking records a request's
-- flags as the patient's in the same transaction).
CREATE OR REPLACE FUNCTION hands_on_blockers(p_patient uuid, p_appointment uuid)
RETURNS TABLE (code text, priority priority)
LANGUAGE sql STABLE AS $$
  SELECT f.code, f.priority FROM patient_red_flags f WHERE f.patient_id = p_patient AND f.cleared_at IS NULL
  UNION
  SELECT x.code, i.priority
  FROM intakes i CROSS JOIN LATERAL unnest(i.red_flags) AS x(code)
  WHERE i.appointment_id = p_appointment
    AND NOT EXISTS (
      SELECT 1 FROM patient_red_flags f
      WHERE f.patient_id = p_patient AND f.code = x.code AND f.cleared_at IS NOT NULL AND f.cleared_at >= i.created_at
    )
$$;
--> statement-breakpoint
-- Reports, clearances and gate checks of one patient take one lock, so a confirmation and a new report
-- committing at the same moment cannot both miss each other.
CREATE OR REPLACE FUNCTION lock_patient_flags(p_patient uuid) RETURNS void
LANGUAGE sql AS $$
  SELECT pg_advisory_xact_lock(hashtextextended('patient-flags:' || p_patient::text, 0));
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION enforce_hands_on_gate() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  cur record;
  codes text;
BEGIN
  -- Deferred to commit: read the row as it is now, not as it was when the event fired.
  SELECT a.patient_id, a.status, a.service_id, a.starts_at, s.is_hands_on INTO cur
  FROM appointments a JOIN services s ON s.id = a.service_id WHERE a.id = NEW.id;
  IF NOT FOUND OR NOT cur.is_hands_on OR cur.status NOT IN ('confirmed', 'completed') THEN
    RETURN NULL;
  END IF;
  -- Only a move into confirmed/completed, or a change of who, what or when while there, is checked:
  -- marking arrival or linking a case does not re-open the question.
  IF TG_OP = 'UPDATE' AND OLD.status = cur.status AND OLD.patient_id = cur.patient_id
     AND OLD.service_id = cur.service_id AND OLD.starts_at = cur.starts_at THEN
    RETURN NULL;
  END IF;
  PERFORM lock_patient_flags(cur.patient_id);
  SELECT string_agg(b.code, ', ' ORDER BY b.code) INTO codes FROM hands_on_blockers(cur.patient_id, NEW.id) b;
  IF codes IS NOT NULL THEN
    RAISE EXCEPTION 'hands_on_gate: appointment % cannot be %; uncleared red flags: %', NEW.id, cur.status, codes
      USING ERRCODE = 'check_violation', CONSTRAINT = 'appointments_hands_on_gate', TABLE = 'appointments';
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER appointments_hands_on_gate AFTER INSERT OR UPDATE ON appointments
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (NEW.status IN ('confirmed', 'completed'))
  EXECUTE FUNCTION enforce_hands_on_gate();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION patient_red_flags_lock() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM lock_patient_flags(NEW.patient_id);
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER patient_red_flags_lock BEFORE INSERT OR UPDATE ON patient_red_flags
  FOR EACH ROW EXECUTE FUNCTION patient_red_flags_lock();
--> statement-breakpoint
-- A flag's history never disappears: its events cannot be deleted.
CREATE OR REPLACE FUNCTION red_flag_events_keep() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'red_flag_events keeps every report and clearance' USING ERRCODE = '42501';
END
$$;
--> statement-breakpoint
CREATE TRIGGER red_flag_events_no_delete BEFORE DELETE ON red_flag_events
  FOR EACH ROW EXECUTE FUNCTION red_flag_events_keep();
--> statement-breakpoint
CREATE TRIGGER red_flag_events_no_truncate BEFORE TRUNCATE ON red_flag_events
  FOR EACH STATEMENT EXECUTE FUNCTION red_flag_events_keep();
