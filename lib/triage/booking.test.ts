import { describe, expect, it } from "vitest";
import type { Discipline } from "@/lib/clinic/disciplines";
import { triageBooking } from "./booking";
import type { Priority, RedFlagCode } from "./red-flags";

type Case = {
  name: string;
  flags: RedFlagCode[];
  discipline: Discipline;
  needsReview: boolean;
  priority: Priority;
  status: "requested" | "confirmed";
  blocked: boolean;
  reason?: RedFlagCode;
};

const CASES: Case[] = [
  { name: "massage, no flags", flags: [], discipline: "massage_therapist", needsReview: false, priority: "routine", status: "confirmed", blocked: false },
  { name: "chiropractic, no flags", flags: [], discipline: "chiropractor", needsReview: false, priority: "routine", status: "confirmed", blocked: false },
  { name: "spine consultation always reviewed", flags: [], discipline: "spine_physician", needsReview: true, priority: "routine", status: "requested", blocked: false },
  { name: "cauda equina: bladder", flags: ["bladder_bowel_change"], discipline: "massage_therapist", needsReview: false, priority: "emergency", status: "requested", blocked: true, reason: "bladder_bowel_change" },
  { name: "cauda equina: saddle", flags: ["saddle_numbness"], discipline: "physical_therapist", needsReview: false, priority: "emergency", status: "requested", blocked: false, reason: "saddle_numbness" },
  { name: "weakness", flags: ["progressive_leg_weakness"], discipline: "spine_physician", needsReview: true, priority: "emergency", status: "requested", blocked: false, reason: "progressive_leg_weakness" },
  { name: "both legs", flags: ["bilateral_sciatica"], discipline: "chiropractor", needsReview: false, priority: "emergency", status: "requested", blocked: true, reason: "bilateral_sciatica" },
  { name: "fever blocks massage", flags: ["fever_or_infection"], discipline: "massage_therapist", needsReview: false, priority: "same_day", status: "requested", blocked: true, reason: "fever_or_infection" },
  { name: "immune suppression blocks chiro", flags: ["immunosuppressed"], discipline: "chiropractor", needsReview: false, priority: "same_day", status: "requested", blocked: true, reason: "immunosuppressed" },
  { name: "trauma", flags: ["major_trauma"], discipline: "massage_therapist", needsReview: false, priority: "same_day", status: "requested", blocked: true, reason: "major_trauma" },
  { name: "steroids", flags: ["osteoporosis_or_steroids"], discipline: "chiropractor", needsReview: false, priority: "same_day", status: "requested", blocked: true, reason: "osteoporosis_or_steroids" },
  { name: "cancer history, massage", flags: ["cancer_history"], discipline: "massage_therapist", needsReview: false, priority: "within_48h", status: "requested", blocked: true, reason: "cancer_history" },
  { name: "weight loss, PT is reviewed but not blocked", flags: ["unexplained_weight_loss"], discipline: "physical_therapist", needsReview: false, priority: "within_48h", status: "requested", blocked: false, reason: "unexplained_weight_loss" },
  { name: "night pain", flags: ["severe_night_pain"], discipline: "massage_therapist", needsReview: false, priority: "within_48h", status: "requested", blocked: true, reason: "severe_night_pain" },
  { name: "highest wins: night pain + fever", flags: ["severe_night_pain", "fever_or_infection"], discipline: "physical_therapist", needsReview: false, priority: "same_day", status: "requested", blocked: false, reason: "fever_or_infection" },
  { name: "highest wins: cancer + saddle", flags: ["cancer_history", "saddle_numbness"], discipline: "massage_therapist", needsReview: false, priority: "emergency", status: "requested", blocked: true, reason: "saddle_numbness" },
];

describe("triageBooking", () => {
  it.each(CASES)("$name → $priority, $status", (c) => {
    const t = triageBooking({ redFlags: c.flags, service: { discipline: c.discipline, needsReview: c.needsReview } });
    expect(t.priority).toBe(c.priority);
    expect(t.initialStatus).toBe(c.status);
    expect(t.blockedForSelfBooking).toBe(c.blocked);
    expect(t.showEmergencyAdvice).toBe(c.priority === "emergency");
    if (c.reason) expect(t.reasons[0]?.code).toBe(c.reason);
    else expect(t.reasons).toEqual([]);
  });
});
