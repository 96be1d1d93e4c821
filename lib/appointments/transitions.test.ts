import { describe, expect, it } from "vitest";
import { APPOINTMENT_STATUSES } from "./status";
import { APPOINTMENT_MOVES, canMove, decideAppointmentMove, type MoveFacts } from "./transitions";

const clear: MoveFacts = { isHandsOn: true, needsReview: false, requestFlags: [], blockers: [], isMinor: false };
const flagged: MoveFacts = { ...clear, blockers: [{ code: "cancer_history", priority: "within_48h" }] };

describe("appointment lifecycle", () => {
  it("allows no move out of cancelled, completed or no-show", () => {
    for (const from of ["cancelled", "completed", "no_show"] as const) {
      for (const move of APPOINTMENT_MOVES) expect(decideAppointmentMove(from, move, clear)).toMatchObject({ ok: false, code: "invalid_transition" });
    }
  });

  it("knows where each move may start", () => {
    const allowed = Object.fromEntries(APPOINTMENT_MOVES.map((m) => [m, APPOINTMENT_STATUSES.filter((s) => canMove(s, m))]));
    expect(allowed).toEqual({
      route: ["requested"],
      confirm: ["requested"],
      accept_proposal: ["requested", "confirmed"],
      reschedule: ["requested", "confirmed"],
      hold_for_review: ["confirmed"],
      arrive: ["confirmed"],
      complete: ["requested", "confirmed"],
      no_show: ["confirmed"],
      cancel: ["requested", "confirmed"],
      decline: ["requested"],
      expire: ["requested"],
    });
  });

  it("refuses confirm and complete of hands-on care with an uncleared flag; holds the moves that could confirm", () => {
    expect(decideAppointmentMove("requested", "confirm", flagged)).toMatchObject({ ok: false, code: "hands_on_gate" });
    expect(decideAppointmentMove("confirmed", "complete", flagged)).toMatchObject({ ok: false, code: "hands_on_gate" });
    expect(decideAppointmentMove("requested", "accept_proposal", flagged)).toMatchObject({ ok: true, to: "requested", heldBecause: ["hands_on_gate"] });
    expect(decideAppointmentMove("confirmed", "reschedule", flagged)).toMatchObject({ ok: true, to: "requested" });
    expect(decideAppointmentMove("requested", "route", flagged)).toMatchObject({ ok: true, to: "requested" });
    // Not hands-on: the flags inform, they do not gate.
    expect(decideAppointmentMove("requested", "confirm", { ...flagged, isHandsOn: false })).toMatchObject({ ok: true, to: "confirmed" });
    // Cancelling and no-shows are always possible.
    expect(decideAppointmentMove("confirmed", "cancel", flagged)).toMatchObject({ ok: true, to: "cancelled" });
    expect(decideAppointmentMove("confirmed", "no_show", flagged)).toMatchObject({ ok: true, to: "no_show" });
  });

  it("keeps an unverified request a request: nothing confirms it, only the sender or the desk verifying it, or its expiry", () => {
    const unverified = { ...clear, awaitingVerification: true };
    expect(decideAppointmentMove("requested", "route", unverified)).toMatchObject({ ok: true, to: "requested", heldBecause: ["unverified"] });
    expect(decideAppointmentMove("requested", "confirm", unverified)).toMatchObject({ ok: false, code: "unverified" });
    expect(decideAppointmentMove("requested", "complete", unverified)).toMatchObject({ ok: false, code: "unverified" });
    expect(decideAppointmentMove("requested", "accept_proposal", unverified)).toMatchObject({ ok: true, to: "requested" });
    expect(decideAppointmentMove("requested", "expire", unverified)).toMatchObject({ ok: true, to: "cancelled" });
    expect(decideAppointmentMove("requested", "expire", clear)).toMatchObject({ ok: false, code: "invalid_transition" });
  });

  it("leaves a minor's request to the desk: never confirmed by routing or by accepting a proposal", () => {
    const minor = { ...clear, isMinor: true };
    expect(decideAppointmentMove("requested", "route", minor)).toMatchObject({ to: "requested", heldBecause: ["minor"] });
    expect(decideAppointmentMove("requested", "accept_proposal", minor)).toMatchObject({ to: "requested", heldBecause: ["minor"] });
    expect(decideAppointmentMove("requested", "confirm", minor)).toMatchObject({ ok: true, to: "confirmed" });
    expect(decideAppointmentMove("confirmed", "reschedule", minor)).toMatchObject({ ok: true, to: "confirmed" });
  });
});
