-- Hand-written: a list or search page writes one audit event naming the patients it showed
-- (details.patientIds); a patient's "who looked at my record" asks for events that name them.
CREATE INDEX IF NOT EXISTS "audit_events_listed_patients_idx" ON "audit_events" USING gin (("details" -> 'patientIds'));
