import { describe, expect, it } from "vitest";
import type { Discipline } from "@/lib/clinic/disciplines";
import type { DurationClass } from "@/lib/cases/status";
import { triageReasonText, assessTriage } from "./assess";
import type { Priority, RedFlagCode } from "./red-flags";

type Row = [name: string, flags: RedFlagCode[], onset: string, service: Discipline, priority: Priority, reason: string, duration: DurationClass, suggested: Discipline];

// Requests made on 2026-11-25. Each row names the expected priority and the reason that must be given.
const ON = "2026-11-25";
const CASES: Row[] = [
  ["no flags, 2 weeks, massage", [], "2026-11-11", "massage_therapist", "routine", "No red flags: routine", "acute", "massage_therapist"],
  ["no flags, 3 days, chiro", [], "2026-11-22", "chiropractor", "routine", "less than a week", "acute", "chiropractor"],
  ["no flags, 5 weeks 6 days is still acute", [], "2026-10-15", "massage_therapist", "routine", "5 weeks: acute", "acute", "massage_therapist"],
  ["no flags, exactly 6 weeks is subacute", [], "2026-10-14", "massage_therapist", "routine", "6 weeks: subacute", "subacute", "physical_therapist"],
  ["no flags, 8 weeks", [], "2026-09-30", "chiropractor", "routine", "8 weeks: subacute", "subacute", "physical_therapist"],
  ["no flags, exactly 12 weeks is subacute", [], "2026-09-02", "massage_therapist", "routine", "12 weeks: subacute", "subacute", "physical_therapist"],
  ["no flags, 13 weeks is chronic", [], "2026-08-26", "massage_therapist", "routine", "13 weeks: chronic", "chronic", "physical_therapist"],
  ["no flags, years", [], "2020-01-01", "physical_therapist", "routine", "Chronic pain: exercise therapy", "chronic", "physical_therapist"],
  ["onset today", [], ON, "spine_physician", "routine", "less than a week: acute", "acute", "spine_physician"],
  ["bladder", ["bladder_bowel_change"], "2026-11-20", "massage_therapist", "emergency", "New trouble controlling or feeling your bladder or bowel?", "acute", "spine_physician"],
  ["saddle", ["saddle_numbness"], "2026-11-20", "chiropractor", "emergency", "Numbness around your groin, buttocks or inner thighs?", "acute", "spine_physician"],
  ["weakness", ["progressive_leg_weakness"], "2026-10-01", "physical_therapist", "emergency", "Leg weakness that is getting worse?", "subacute", "spine_physician"],
  ["both legs", ["bilateral_sciatica"], "2026-06-01", "massage_therapist", "emergency", "Pain shooting down both legs?", "chronic", "spine_physician"],
  ["fever", ["fever_or_infection"], "2026-11-20", "massage_therapist", "same_day", "Fever, chills, or a recent infection?", "acute", "spine_physician"],
  ["immune", ["immunosuppressed"], "2026-11-01", "chiropractor", "same_day", "Medicines or illness that weaken your immune system?", "acute", "spine_physician"],
  ["trauma", ["major_trauma"], "2026-11-24", "chiropractor", "same_day", "A fall, accident or heavy blow before the pain began?", "acute", "spine_physician"],
  ["osteoporosis", ["osteoporosis_or_steroids"], "2026-09-15", "massage_therapist", "same_day", "Thin bones (osteoporosis) or long-term steroid tablets?", "subacute", "spine_physician"],
  ["cancer", ["cancer_history"], "2026-11-01", "massage_therapist", "within_48h", "Ever had cancer?", "acute", "spine_physician"],
  ["weight loss", ["unexplained_weight_loss"], "2026-07-01", "physical_therapist", "within_48h", "Lost weight without trying?", "chronic", "spine_physician"],
  ["night pain", ["severe_night_pain"], "2026-11-10", "chiropractor", "within_48h", "Severe pain at night or lying down that does not ease?", "acute", "spine_physician"],
  ["emergency beats same day", ["fever_or_infection", "saddle_numbness"], "2026-11-20", "massage_therapist", "emergency", "Red flag (emergency): Numbness around", "acute", "spine_physician"],
  ["emergency beats 48h", ["cancer_history", "bilateral_sciatica"], "2026-11-20", "massage_therapist", "emergency", "Red flag (emergency): Pain shooting down both legs?", "acute", "spine_physician"],
  ["same day beats 48h", ["severe_night_pain", "major_trauma"], "2026-11-20", "chiropractor", "same_day", "Red flag (same day): A fall", "acute", "spine_physician"],
  ["two 48h flags", ["cancer_history", "unexplained_weight_loss"], "2026-11-20", "massage_therapist", "within_48h", "Lost weight without trying?", "acute", "spine_physician"],
  [
    "all emergency flags",
    ["bladder_bowel_change", "saddle_numbness", "progressive_leg_weakness", "bilateral_sciatica"],
    "2026-11-24",
    "spine_physician",
    "emergency",
    "Leg weakness that is getting worse?",
    "acute",
    "spine_physician",
  ],
  [
    "every flag",
    [
      "bladder_bowel_change",
      "saddle_numbness",
      "progressive_leg_weakness",
      "bilateral_sciatica",
      "fever_or_infection",
      "immunosuppressed",
      "major_trauma",
      "osteoporosis_or_steroids",
      "cancer_history",
      "unexplained_weight_loss",
      "severe_night_pain",
    ],
    "2026-11-24",
    "massage_therapist",
    "emergency",
    "Red flag (emergency)",
    "acute",
    "spine_physician",
  ],
  ["spine consultation, no flags, chronic", [], "2025-11-25", "spine_physician", "routine", "52 weeks: chronic", "chronic", "physical_therapist"],
  ["PT evaluation, no flags, acute", [], "2026-11-18", "physical_therapist", "routine", "1 week: acute", "acute", "physical_therapist"],
  ["massage, trauma, chronic", ["major_trauma"], "2025-01-01", "massage_therapist", "same_day", "Red flags are reviewed by a spine physician first", "chronic", "spine_physician"],
  ["chiro, cancer, subacute", ["cancer_history"], "2026-10-01", "chiropractor", "within_48h", "Red flag (within 48h): Ever had cancer?", "subacute", "spine_physician"],
  ["nurse-booked, no flags, subacute", [], "2026-10-07", "nurse", "routine", "Subacute pain: exercise therapy", "subacute", "physical_therapist"],
  ["onset in the future counts as zero", [], "2026-12-01", "massage_therapist", "routine", "less than a week: acute", "acute", "massage_therapist"],
];

describe("assessTriage: table of cases", () => {
  it("has at least 30 cases", () => expect(CASES.length).toBeGreaterThanOrEqual(30));

  it.each(CASES)("%s", (_name, flags, onset, discipline, priority, reason, duration, suggested) => {
    const t = assessTriage({ redFlags: flags, painStartedOn: onset, requestedOn: ON, service: { discipline, needsReview: discipline === "spine_physician" } });
    expect(t.priority).toBe(priority);
    expect(t.reasons.map(triageReasonText).join(" | ")).toContain(reason);
    expect(t.durationClass).toBe(duration);
    expect(t.suggestedDiscipline).toBe(suggested);
  });

  it("uses configurable thresholds (4 weeks for acute)", () => {
    const t = assessTriage({
      redFlags: [],
      painStartedOn: "2026-10-20",
      requestedOn: ON,
      service: { discipline: "massage_therapist", needsReview: false },
      thresholds: { acuteWeeks: 4, chronicWeeks: 12 },
    });
    expect(t.durationClass).toBe("subacute");
  });
});
