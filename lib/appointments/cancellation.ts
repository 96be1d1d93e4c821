/**
 * Why the clinic cancels or moves an appointment: a fixed list stored as a code (words at the edge, in
 * lib/i18n/en.json under `cancelReasons`). Pure; imported by forms and the server alike.
 */
export const CANCEL_REASONS = ["patient_called", "practitioner_ill", "clinic_closed", "weather", "booked_in_error", "other"] as const;
export type CancelReason = (typeof CANCEL_REASONS)[number];

/**
 * On whose side each reason is. Only the patient's side can make a cancellation late: the clinic being
 * closed or a practitioner ill is never held against the patient. "weather" and "other" count as the
 * clinic's (a later fee policy should never charge on a guess).
 */
export const CANCEL_REASON_SIDE: Record<CancelReason, "patient" | "clinic"> = {
  patient_called: "patient",
  practitioner_ill: "clinic",
  clinic_closed: "clinic",
  weather: "clinic",
  booked_in_error: "clinic",
  other: "clinic",
};

const HOUR = 3_600_000;

/**
 * A late cancellation: by the patient (themselves, or the desk on their behalf) inside the service's
 * cancellation cutoff. Recorded on the appointment (cancelled_late) for a later fee policy.
 */
export function isLateCancellation(input: { side: "patient" | "clinic"; startsAt: Date; cutoffHours: number; now: Date }): boolean {
  return input.side === "patient" && input.now.getTime() >= input.startsAt.getTime() - input.cutoffHours * HOUR;
}
