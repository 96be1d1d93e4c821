import type { Discipline } from "@/lib/clinic/disciplines";
import type { DurationClass } from "@/lib/cases/status";
import { triageBooking } from "./booking";
import { RED_FLAGS, type Priority, type RedFlagCode } from "./red-flags";

/**
 * The triage result shown wherever a request appears: priority, duration class from the onset date,
 * the reasons (which answers led there) and a suggested discipline. Pure; thresholds are inputs so a
 * clinician can tune them (clinic settings), defaults from DOMAIN.md.
 */

export interface DurationThresholds {
  /** Pain younger than this many weeks is acute. */
  acuteWeeks: number;
  /** Pain older than this many weeks is chronic; in between, subacute. */
  chronicWeeks: number;
}
export const DEFAULT_THRESHOLDS: DurationThresholds = { acuteWeeks: 6, chronicWeeks: 12 };

export interface TriageResult {
  priority: Priority;
  durationClass: DurationClass;
  weeksOfPain: number;
  reasons: string[];
  redFlags: RedFlagCode[];
  suggestedDiscipline: Discipline;
}

const DAY = 86_400_000;

export function weeksBetween(onset: string, on: string): number {
  const [y1, m1, d1] = onset.split("-").map(Number) as [number, number, number];
  const [y2, m2, d2] = on.split("-").map(Number) as [number, number, number];
  return Math.max(0, (Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / DAY / 7);
}

export function durationClassOf(weeks: number, t: DurationThresholds = DEFAULT_THRESHOLDS): DurationClass {
  if (weeks < t.acuteWeeks) return "acute";
  if (weeks <= t.chronicWeeks) return "subacute";
  return "chronic";
}

/**
 * Suggested discipline, first rule that matches wins:
 *  1. any red flag → spine physician (a doctor clears red flags before hands-on care);
 *  2. subacute or chronic pain → physical therapist (exercise therapy is first-line for persisting pain);
 *  3. otherwise the discipline of the service asked for.
 */
function suggestDiscipline(redFlags: readonly RedFlagCode[], durationClass: DurationClass, requested: Discipline): { discipline: Discipline; reason: string } {
  if (redFlags.length) return { discipline: "spine_physician", reason: "Red flags are reviewed by a spine physician first" };
  if (durationClass !== "acute") return { discipline: "physical_therapist", reason: `${durationClass === "chronic" ? "Chronic" : "Subacute"} pain: exercise therapy with a physical therapist` };
  return { discipline: requested, reason: "Acute pain without red flags: the service asked for" };
}

export function assessTriage(input: {
  redFlags: readonly RedFlagCode[];
  painStartedOn: string;
  /** The day the request was made ("YYYY-MM-DD"). */
  requestedOn: string;
  service: { discipline: Discipline; needsReview: boolean };
  thresholds?: DurationThresholds;
}): TriageResult {
  const booking = triageBooking({ redFlags: input.redFlags });
  const weeks = weeksBetween(input.painStartedOn, input.requestedOn);
  const durationClass = durationClassOf(weeks, input.thresholds);
  const suggestion = suggestDiscipline(input.redFlags, durationClass, input.service.discipline);
  const reasons = [
    ...booking.reasons.map((r) => `Red flag (${r.priority.replace("_", " ")}): ${r.question}`),
    ...(booking.reasons.length ? [] : ["No red flags: routine"]),
    `Pain for ${weeks < 1 ? "less than a week" : `${Math.floor(weeks)} week${Math.floor(weeks) === 1 ? "" : "s"}`}: ${durationClass}`,
    suggestion.reason,
  ];
  const codes = new Set(input.redFlags);
  return {
    priority: booking.priority,
    durationClass,
    weeksOfPain: Math.floor(weeks),
    reasons,
    redFlags: RED_FLAGS.filter((f) => codes.has(f.code)).map((f) => f.code),
    suggestedDiscipline: suggestion.discipline,
  };
}
