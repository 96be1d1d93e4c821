/**
 * Red flags asked at booking, in plain words, and the priority each one sets. Paraphrased from public
 * guidance (US AHCPR low back pain guideline, NICE NG59). Data, not code: a clinician can tune it here.
 */
import type { Discipline } from "@/lib/clinic/disciplines";

export const PRIORITIES = ["emergency", "same_day", "within_48h", "routine"] as const;
export type Priority = (typeof PRIORITIES)[number];

export const PRIORITY_LABELS: Record<Priority, string> = {
  emergency: "Emergency",
  same_day: "Same day",
  within_48h: "Within 48 hours",
  routine: "Routine",
};

/** Lower is more urgent. */
export const PRIORITY_RANK: Record<Priority, number> = { emergency: 0, same_day: 1, within_48h: 2, routine: 3 };

export const RED_FLAGS = [
  { code: "bladder_bowel_change", question: "New trouble controlling or feeling your bladder or bowel?", priority: "emergency" },
  { code: "saddle_numbness", question: "Numbness around your groin, buttocks or inner thighs?", priority: "emergency" },
  { code: "progressive_leg_weakness", question: "Leg weakness that is getting worse?", priority: "emergency" },
  { code: "bilateral_sciatica", question: "Pain shooting down both legs?", priority: "emergency" },
  { code: "fever_or_infection", question: "Fever, chills, or a recent infection?", priority: "same_day" },
  { code: "immunosuppressed", question: "Medicines or illness that weaken your immune system?", priority: "same_day" },
  { code: "major_trauma", question: "A fall, accident or heavy blow before the pain began?", priority: "same_day" },
  { code: "osteoporosis_or_steroids", question: "Thin bones (osteoporosis) or long-term steroid tablets?", priority: "same_day" },
  { code: "cancer_history", question: "Ever had cancer?", priority: "within_48h" },
  { code: "unexplained_weight_loss", question: "Lost weight without trying?", priority: "within_48h" },
  { code: "severe_night_pain", question: "Severe pain at night or lying down that does not ease?", priority: "within_48h" },
] as const satisfies ReadonlyArray<{ code: string; question: string; priority: Priority }>;

export type RedFlagCode = (typeof RED_FLAGS)[number]["code"];
export const RED_FLAG_CODES = RED_FLAGS.map((f) => f.code) as [RedFlagCode, ...RedFlagCode[]];

/** Stored codes back as typed codes; anything unknown (a code retired since) is dropped. */
export function asRedFlagCodes(codes: readonly string[]): RedFlagCode[] {
  return codes.filter((c): c is RedFlagCode => (RED_FLAG_CODES as readonly string[]).includes(c));
}

/**
 * Who may clear a flag, by its priority (DOMAIN.md): possible cauda equina (emergency) only a spine
 * physician; same-day and 48-hour flags a spine physician or a nurse. Data, so a clinic can tune it.
 */
export const CLEARED_BY: Record<Exclude<Priority, "routine">, readonly Discipline[]> = {
  emergency: ["spine_physician"],
  same_day: ["spine_physician", "nurse"],
  within_48h: ["spine_physician", "nurse"],
};

export function priorityOfFlag(code: RedFlagCode): Exclude<Priority, "routine"> {
  return RED_FLAGS.find((f) => f.code === code)!.priority;
}

/** The more urgent of two priorities. */
export function worstPriority(a: Priority, b: Priority): Priority {
  return PRIORITY_RANK[a] <= PRIORITY_RANK[b] ? a : b;
}

/** A tap-to-call link for the clinic's emergency number (getClinic().emergencyNumber, an admin setting). */
export const emergencyCallHref = (emergencyNumber: string) => `tel:${emergencyNumber}`;

/**
 * Shown at the question, while the patient is still answering: nothing has been sent yet, so it says so
 * and does not promise anything the clinic has not done.
 */
export const emergencyAdviceBeforeSending = (emergencyNumber: string) =>
  `Your answer can be a sign of a condition that needs urgent care. Please call ${emergencyNumber} or go to the nearest emergency department now. Do not wait for an appointment. Nothing has been sent to the clinic yet; if you also send this request, our front desk will see it as an emergency.`;

/** Shown once the request has been sent (the manage page, the API's answer). */
export const emergencyAdvice = (emergencyNumber: string) =>
  `Your answers can be a sign of a condition that needs urgent care. Please call ${emergencyNumber} or go to the nearest emergency department now. Do not wait for this appointment. We have passed your request to our front desk as an emergency.`;
