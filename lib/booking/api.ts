import { EMERGENCY_ADVICE as EMERGENCY_TEXT } from "@/lib/triage/red-flags";
import type { BookingOutcome } from "./create";
import { isoInZone, presentSlot } from "./present";

/** The public API's answer for each booking outcome (also documented in lib/api/openapi.ts). */
export function bookingOutcomeResponse(outcome: BookingOutcome): { status: number; body: unknown } {
  switch (outcome.kind) {
    case "created":
    case "replayed": {
      const a = outcome.appointment;
      return {
        status: 201,
        body: {
          id: a.id,
          status: a.status,
          start: isoInZone(a.start, a.timeZone),
          end: isoInZone(a.end, a.timeZone),
          manageUrl: a.manageUrl,
          priority: a.priority,
          nextStep: a.triage.nextStep,
          ...(a.verification ? { verification: { expiresAt: a.verification.expiresAt.toISOString() } } : {}),
          ...(a.triage.showEmergencyAdvice ? { emergencyAdvice: EMERGENCY_TEXT } : {}),
        },
      };
    }
    case "slot_taken":
    case "slot_unavailable":
      return {
        status: 409,
        body: {
          error: {
            code: outcome.kind,
            message: outcome.kind === "slot_taken" ? "That time was just taken. Here are the nearest free times." : "That time is not offered. Here are the nearest free times.",
          },
          alternatives: outcome.alternatives.map((s) => presentSlot(s, outcome.timeZone)),
        },
      };
    case "unknown_service":
      return { status: 400, body: { error: { code: "invalid", message: "Some fields are missing or invalid.", fields: { service: "There is no bookable service with that slug." } } } };
    case "unknown_practitioner":
      return { status: 400, body: { error: { code: "invalid", message: "Some fields are missing or invalid.", fields: { practitionerId: "That practitioner does not offer this service." } } } };
    case "key_reused":
      return { status: 422, body: { error: { code: "idempotency_key_reused", message: "This Idempotency-Key was already used for a different request." } } };
  }
}
