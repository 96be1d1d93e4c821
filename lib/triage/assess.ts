import type { Discipline } from "@/lib/clinic/disciplines";
import type { DurationClass } from "@/lib/cases/status";
import { triageBooking } from "./booking";
import { textOf } from "@/lib/i18n";
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

/** Why a request was triaged as it was: codes, said in words by triageReasonText through the catalog. */
export type TriageReason =
  | { code: "red_flag"; flag: RedFlagCode }
  | { code: "no_red_flags" }
  | { code: "duration"; weeks: number; durationClass: DurationClass }
  | { code: "suggest_physician" }
  | { code: "suggest_physical_therapist"; durationClass: DurationClass }
  | { code: "suggest_requested" }
  | { code: "referral"; specialty: string };

export function triageReasonText(reason: TriageReason | string): string {
  // Cases triaged before reasons were codes stored the words themselves.
  if (typeof reason === "string") return reason;
  switch (reason.code) {
    case "red_flag": {
      const flag = RED_FLAGS.find((f) => f.code === reason.flag);
      return textOf("triage.red_flag", { priority: (flag?.priority ?? "routine").replace("_", " "), question: flag?.question ?? reason.flag }) ?? reason.code;
    }
    case "duration":
      return textOf("triage.duration", { weeks: reason.weeks, durationClass: reason.durationClass }) ?? reason.code;
    case "suggest_physical_therapist":
      return textOf("triage.suggest_physical_therapist", { durationClass: reason.durationClass }) ?? reason.code;
    case "referral":
      return textOf("triage.referral", { specialty: reason.specialty.replace("_", " ") }) ?? reason.code;
    default:
      return textOf(`triage.${reason.code}`) ?? reason.code;
  }
}

export interface TriageResult {
  priority: Priority;
  durationClass: DurationClass;
  weeksOfPain: number;
  /** Which answers led there, as codes (stored on the case); triageReasonText says them in words. */
  reasons: TriageReason[];
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
function suggestDiscipline(redFlags: readonly RedFlagCode[], durationClass: DurationClass, requested: Discipline): { discipline: Discipline; reason: TriageReason } {
  if (redFlags.length) return { discipline: "spine_physician", reason: { code: "suggest_physician" } };
  if (durationClass !== "acute") return { discipline: "physical_therapist", reason: { code: "suggest_physical_therapist", durationClass } };
  return { discipline: requested, reason: { code: "suggest_requested" } };
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
  const reasons: TriageReason[] = [
    ...booking.reasons.map((r) => ({ code: "red_flag" as const, flag: r.code })),
    ...(booking.reasons.length ? [] : [{ code: "no_red_flags" as const }]),
    { code: "duration", weeks: Math.floor(weeks), durationClass },
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
