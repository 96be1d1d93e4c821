-- Hand-written: drizzle-kit cannot declare an EXCLUDE constraint. Keep this file when regenerating.
-- Two active appointments of one practitioner never overlap, buffers included. Ranges are half-open
-- [blocked_from, blocked_until) so back-to-back appointments do not collide. The status list must match
-- ACTIVE_APPOINTMENT_STATUSES in lib/appointments/status.ts: cancelled and no-show free their time.
CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_no_overlap" EXCLUDE USING gist (
  "practitioner_id" WITH =,
  tstzrange("blocked_from", "blocked_until", '[)') WITH &&
) WHERE ("status" IN ('requested', 'confirmed', 'completed'));
