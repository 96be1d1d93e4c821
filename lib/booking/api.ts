import { DomainError, errorText, httpErrorOf } from "@/lib/errors";
import { emergencyAdvice } from "@/lib/triage/red-flags";
import type { BookingOutcome } from "./create";
import { isoInZone, presentSlot } from "./present";

/** The public API's answer for each booking outcome (also documented in lib/api/openapi.ts). */
export function bookingOutcomeResponse(outcome: BookingOutcome, clinic: { emergencyNumber: string }): { status: number; body: unknown } {
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
          ...(a.triage.showEmergencyAdvice ? { emergencyAdvice: emergencyAdvice(clinic.emergencyNumber) } : {}),
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
            message: errorText(outcome.kind),
          },
          alternatives: outcome.alternatives.map((s) => presentSlot(s, outcome.timeZone)),
        },
      };
    case "unknown_service":
      return httpErrorOf(new DomainError("invalid", "api", { fields: { service: "unknown_service" } }));
    case "unknown_practitioner":
      return httpErrorOf(new DomainError("invalid", "api", { fields: { practitionerId: "practitioner_api" } }));
    case "key_reused":
      return httpErrorOf(new DomainError("idempotency_key_reused"));
  }
}
