import type { Discipline } from "@/lib/clinic/disciplines";
import {
  PRIORITY_RANK,
  RED_FLAGS,
  SELF_BOOKING_BLOCKED_BY_RED_FLAGS,
  type Priority,
  type RedFlagCode,
} from "./red-flags";

export interface BookingTriage {
  priority: Priority;
  /** The red flags behind the priority, most urgent first. */
  reasons: Array<{ code: RedFlagCode; question: string; priority: Priority }>;
  /** Show the emergency advice before anything else. */
  showEmergencyAdvice: boolean;
  /** A clinician must clear the red flags before this kind of service is booked. */
  blockedForSelfBooking: boolean;
  /** The status the new appointment starts in. */
  initialStatus: "requested" | "confirmed";
  /** Plain words for the patient: what happens next. */
  nextStep: string;
}

/**
 * The rule at booking: the most urgent red flag sets the priority (none: routine). A service that needs
 * clinician review, or any red flag, makes the appointment a request for the team to review; only a
 * service that needs no review, booked with no red flag, is confirmed at once.
 */
export function triageBooking(input: { redFlags: readonly RedFlagCode[]; service: { discipline: Discipline; needsReview: boolean } }): BookingTriage {
  const codes = new Set(input.redFlags);
  const reasons = RED_FLAGS.filter((f) => codes.has(f.code))
    .map((f) => ({ code: f.code, question: f.question, priority: f.priority as Priority }))
    .sort((a, b) => PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority]);
  const priority: Priority = reasons[0]?.priority ?? "routine";
  const showEmergencyAdvice = priority === "emergency";
  const blockedForSelfBooking =
    reasons.length > 0 && (SELF_BOOKING_BLOCKED_BY_RED_FLAGS as readonly Discipline[]).includes(input.service.discipline);
  const initialStatus = reasons.length === 0 && !input.service.needsReview ? "confirmed" : "requested";

  let nextStep: string;
  if (showEmergencyAdvice) nextStep = "Please seek emergency care now. Our front desk sees your request first and will call you.";
  else if (blockedForSelfBooking)
    nextStep = "Because of your answers, a clinician will review your request before this treatment is booked. We will call or email you, usually within one working day.";
  else if (initialStatus === "requested") nextStep = "A clinician will review your request and we will confirm it by email, usually within one working day.";
  else nextStep = "Your appointment is confirmed. We have emailed you the details.";

  return { priority, reasons, showEmergencyAdvice, blockedForSelfBooking, initialStatus, nextStep };
}
