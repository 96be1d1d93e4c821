import type { Priority, RedFlagCode } from "@/lib/triage/red-flags";
import type { AppointmentStatus } from "./status";

/**
 * The appointment lifecycle: every status change of an appointment is one of these moves, decided here
 * (pure) and applied by `transitionAppointment` (lib/appointments/commands.ts), the only code that writes
 * `appointments.status` (a test scans the tree for any other write; a database trigger backs the
 * hands-on gate).
 *
 *   route            booking's own decision: confirmed when nothing asks for a person, else stays requested
 *   confirm          the front desk confirms a request
 *   accept_proposal  the patient accepts the time the desk proposed (moves it; confirmed when allowed)
 *   reschedule       a new time (manage link or desk); a confirmed visit stays confirmed when allowed
 *   hold_for_review  a confirmed hands-on visit goes back to a request when new red flags are reported
 *   arrive           the patient is here (status unchanged)
 *   complete         the visit happened (also a walk-in request seen at once)
 *   no_show          the patient did not come
 *   cancel           the patient or the clinic cancels
 *   decline          the clinic declines a request
 *   expire           an online request whose sender never proved their email frees its time
 */
export const APPOINTMENT_MOVES = ["route", "confirm", "accept_proposal", "reschedule", "hold_for_review", "arrive", "complete", "no_show", "cancel", "decline", "expire"] as const;
export type AppointmentMove = (typeof APPOINTMENT_MOVES)[number];

const ALLOWED_FROM: Record<AppointmentMove, readonly AppointmentStatus[]> = {
  route: ["requested"],
  confirm: ["requested"],
  accept_proposal: ["requested", "confirmed"],
  reschedule: ["requested", "confirmed"],
  hold_for_review: ["confirmed"],
  arrive: ["confirmed"],
  complete: ["confirmed", "requested"],
  no_show: ["confirmed"],
  cancel: ["requested", "confirmed"],
  decline: ["requested"],
  expire: ["requested"],
};

export interface Blocker {
  code: RedFlagCode;
  priority: Exclude<Priority, "routine">;
}

/** What the guards need to know about the appointment and its patient. */
export interface MoveFacts {
  /** The service is hands-on (services.is_hands_on). */
  isHandsOn: boolean;
  /** The service needs a clinician's review before it is confirmed. */
  needsReview: boolean;
  /** Red flags this request itself reported. */
  requestFlags: readonly RedFlagCode[];
  /** Uncleared red flags of the patient (the request's own included), from `hands_on_blockers`. */
  blockers: readonly Blocker[];
  /** The patient was under 18 when they asked. */
  isMinor: boolean;
  /** An online request whose sender has not proved their email yet (it touches no patient record). */
  awaitingVerification?: boolean;
}

export type MoveRefusal = "invalid_transition" | "hands_on_gate" | "unverified";

export type MoveDecision =
  { ok: true; to: AppointmentStatus; /** Why a move that could confirm left it a request. */ heldBecause: HoldReason[] } | { ok: false; code: MoveRefusal; blockers: readonly Blocker[] };

export type HoldReason = "red_flags" | "hands_on_gate" | "needs_review" | "minor" | "unverified";

/** The hands-on gate: hands-on care waits while the patient has any uncleared red flag. */
export function handsOnBlockers(facts: Pick<MoveFacts, "isHandsOn" | "blockers">): readonly Blocker[] {
  return facts.isHandsOn ? facts.blockers : [];
}

export function canMove(from: AppointmentStatus, move: AppointmentMove): boolean {
  return ALLOWED_FROM[move].includes(from);
}

export function decideAppointmentMove(from: AppointmentStatus, move: AppointmentMove, facts: MoveFacts): MoveDecision {
  if (!canMove(from, move)) return { ok: false, code: "invalid_transition", blockers: [] };
  if (move === "expire" && !facts.awaitingVerification) return { ok: false, code: "invalid_transition", blockers: [] };
  const blockers = handsOnBlockers(facts);
  // Until its sender proves their email, a request is nobody's yet: nothing confirms it.
  const gate: HoldReason[] = facts.awaitingVerification ? ["unverified"] : blockers.length ? ["hands_on_gate"] : [];
  if (facts.awaitingVerification && (move === "confirm" || move === "complete")) return { ok: false, code: "unverified", blockers };
  const ok = (to: AppointmentStatus, heldBecause: HoldReason[] = []) => ({ ok: true as const, to, heldBecause });
  switch (move) {
    case "route": {
      const held: HoldReason[] = [
        ...(facts.requestFlags.length ? (["red_flags"] as const) : []),
        ...(facts.needsReview ? (["needs_review"] as const) : []),
        ...(facts.isMinor ? (["minor"] as const) : []),
        ...gate,
      ];
      return held.length ? ok("requested", held) : ok("confirmed");
    }
    case "confirm":
    case "complete":
      if (blockers.length) return { ok: false, code: "hands_on_gate", blockers };
      return ok(move === "confirm" ? "confirmed" : "completed");
    case "accept_proposal": {
      // The desk chose the time, so review is done — but not the gate, and a minor's visit is confirmed by the desk.
      const held: HoldReason[] = [...gate, ...(facts.isMinor && from === "requested" ? (["minor"] as const) : [])];
      return held.length ? ok("requested", held) : ok("confirmed");
    }
    case "reschedule":
      if (from === "requested") return ok("requested");
      return gate.length ? ok("requested", gate) : ok("confirmed");
    case "hold_for_review":
      return ok("requested", gate);
    case "arrive":
      return ok(from);
    case "no_show":
      return ok("no_show");
    case "cancel":
    case "decline":
    case "expire":
      return ok("cancelled");
  }
}
