import { describe, expect, it } from "vitest";
import { decideAppointmentMove } from "@/lib/appointments/transitions";
import { assessAge } from "./age";
import { triageBooking } from "./booking";
import { priorityOfFlag, type Priority, type RedFlagCode } from "./red-flags";

type Case = {
  name: string;
  flags: RedFlagCode[];
  handsOn: boolean;
  needsReview: boolean;
  priority: Priority;
  status: "requested" | "confirmed";
  /** The hands-on gate holds it. */
  gated: boolean;
  reason?: RedFlagCode;
  /** Date of birth relative to the request day 2026-12-02 (default an adult of 40). */
  born?: string;
  ageNotes?: string[];
};

const CASES: Case[] = [
  { name: "massage, no flags", flags: [], handsOn: true, needsReview: false, priority: "routine", status: "confirmed", gated: false },
  { name: "chiropractic, no flags", flags: [], handsOn: true, needsReview: false, priority: "routine", status: "confirmed", gated: false },
  { name: "spine consultation always reviewed", flags: [], handsOn: false, needsReview: true, priority: "routine", status: "requested", gated: false },
  { name: "cauda equina: bladder", flags: ["bladder_bowel_change"], handsOn: true, needsReview: false, priority: "emergency", status: "requested", gated: true, reason: "bladder_bowel_change" },
  { name: "cauda equina: saddle", flags: ["saddle_numbness"], handsOn: false, needsReview: false, priority: "emergency", status: "requested", gated: false, reason: "saddle_numbness" },
  { name: "weakness", flags: ["progressive_leg_weakness"], handsOn: false, needsReview: true, priority: "emergency", status: "requested", gated: false, reason: "progressive_leg_weakness" },
  { name: "both legs", flags: ["bilateral_sciatica"], handsOn: true, needsReview: false, priority: "emergency", status: "requested", gated: true, reason: "bilateral_sciatica" },
  { name: "fever blocks massage", flags: ["fever_or_infection"], handsOn: true, needsReview: false, priority: "same_day", status: "requested", gated: true, reason: "fever_or_infection" },
  { name: "immune suppression blocks chiro", flags: ["immunosuppressed"], handsOn: true, needsReview: false, priority: "same_day", status: "requested", gated: true, reason: "immunosuppressed" },
  { name: "trauma", flags: ["major_trauma"], handsOn: true, needsReview: false, priority: "same_day", status: "requested", gated: true, reason: "major_trauma" },
  { name: "steroids", flags: ["osteoporosis_or_steroids"], handsOn: true, needsReview: false, priority: "same_day", status: "requested", gated: true, reason: "osteoporosis_or_steroids" },
  { name: "cancer history, massage", flags: ["cancer_history"], handsOn: true, needsReview: false, priority: "within_48h", status: "requested", gated: true, reason: "cancer_history" },
  {
    name: "weight loss, PT is reviewed but not gated",
    flags: ["unexplained_weight_loss"],
    handsOn: false,
    needsReview: false,
    priority: "within_48h",
    status: "requested",
    gated: false,
    reason: "unexplained_weight_loss",
  },
  { name: "night pain", flags: ["severe_night_pain"], handsOn: true, needsReview: false, priority: "within_48h", status: "requested", gated: true, reason: "severe_night_pain" },
  {
    name: "highest wins: night pain + fever",
    flags: ["severe_night_pain", "fever_or_infection"],
    handsOn: false,
    needsReview: false,
    priority: "same_day",
    status: "requested",
    gated: false,
    reason: "fever_or_infection",
  },
  {
    name: "highest wins: cancer + saddle",
    flags: ["cancer_history", "saddle_numbness"],
    handsOn: true,
    needsReview: false,
    priority: "emergency",
    status: "requested",
    gated: true,
    reason: "saddle_numbness",
  },
  // Age: informs the clinician, never gates adult care by itself; a minor is confirmed by the desk.
  {
    name: "deep tissue massage at 11: the desk confirms",
    flags: [],
    handsOn: true,
    needsReview: false,
    priority: "routine",
    status: "requested",
    gated: false,
    born: "2015-05-01",
    ageNotes: ["minor", "under_20"],
  },
  {
    name: "physical therapy at 17: the desk confirms",
    flags: [],
    handsOn: false,
    needsReview: false,
    priority: "routine",
    status: "requested",
    gated: false,
    born: "2009-12-03",
    ageNotes: ["minor", "under_20"],
  },
  { name: "massage on the 18th birthday: an adult", flags: [], handsOn: true, needsReview: false, priority: "routine", status: "confirmed", gated: false, born: "2008-12-02", ageNotes: ["under_20"] },
  {
    name: "deep tissue massage at 101: age shown, not a gate",
    flags: [],
    handsOn: true,
    needsReview: false,
    priority: "routine",
    status: "confirmed",
    gated: false,
    born: "1925-06-01",
    ageNotes: ["over_50"],
  },
  {
    name: "chiropractic at 95 with trauma: same day, fracture risk shown",
    flags: ["major_trauma"],
    handsOn: true,
    needsReview: false,
    priority: "same_day",
    status: "requested",
    gated: true,
    reason: "major_trauma",
    born: "1931-01-15",
    ageNotes: ["over_50", "over_70_fracture_risk"],
  },
  {
    name: "over 70 with no trauma: no fracture note",
    flags: [],
    handsOn: false,
    needsReview: false,
    priority: "routine",
    status: "confirmed",
    gated: false,
    born: "1950-03-03",
    ageNotes: ["over_50"],
  },
];

describe("booking triage and routing (red flags and age)", () => {
  it.each(CASES)("$name → $priority, $status", (c) => {
    const t = triageBooking({ redFlags: c.flags });
    expect(t.priority).toBe(c.priority);
    expect(t.showEmergencyAdvice).toBe(c.priority === "emergency");
    if (c.reason) expect(t.reasons[0]?.code).toBe(c.reason);
    else expect(t.reasons).toEqual([]);

    const age = assessAge(c.born ?? "1986-04-04", "2026-12-02", c.flags)!;
    expect(age.notes.map((n) => n.code)).toEqual(c.ageNotes ?? []);
    // The booking's own flags are the patient's uncleared flags at routing time.
    const blockers = c.flags.map((code) => ({ code, priority: priorityOfFlag(code) }));
    const routed = decideAppointmentMove("requested", "route", { isHandsOn: c.handsOn, needsReview: c.needsReview, requestFlags: c.flags, blockers, isMinor: age.isMinor });
    expect(routed).toMatchObject({ ok: true, to: c.status });
    expect(routed.ok && routed.heldBecause.includes("hands_on_gate")).toBe(c.gated);
  });

  it("gives a request held by earlier uncleared flags the priority of the worst of them", () => {
    expect(triageBooking({ redFlags: [], blockers: [{ priority: "emergency" }] }).priority).toBe("emergency");
    expect(triageBooking({ redFlags: ["cancer_history"], blockers: [{ priority: "same_day" }] }).priority).toBe("same_day");
    expect(triageBooking({ redFlags: [], blockers: [{ priority: "emergency" }] }).showEmergencyAdvice).toBe(false);
  });
});
