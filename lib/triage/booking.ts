import type { HoldReason } from "@/lib/appointments/transitions";
import { PRIORITY_RANK, RED_FLAGS, worstPriority, type Priority, type RedFlagCode } from "./red-flags";

export interface BookingTriage {
  priority: Priority;
  /** The red flags behind the priority, most urgent first. */
  reasons: Array<{ code: RedFlagCode; question: string; priority: Priority }>;
  /** Show the emergency advice before anything else (this request's own answers only). */
  showEmergencyAdvice: boolean;
}

/**
 * The rule at booking: the most urgent red flag sets the priority (none: routine). With `blockers` — the
 * patient's other uncleared flags that hold a hands-on request — the priority is the worst of both.
 * Whether the request is confirmed at once is the appointment lifecycle's decision
 * (lib/appointments/transitions.ts, move "route").
 */
export function triageBooking(input: { redFlags: readonly RedFlagCode[]; blockers?: ReadonlyArray<{ priority: Priority }> }): BookingTriage {
  const codes = new Set(input.redFlags);
  const reasons = RED_FLAGS.filter((f) => codes.has(f.code))
    .map((f) => ({ code: f.code, question: f.question, priority: f.priority as Priority }))
    .sort((a, b) => PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority]);
  const own: Priority = reasons[0]?.priority ?? "routine";
  const priority = (input.blockers ?? []).reduce<Priority>((worst, b) => worstPriority(worst, b.priority), own);
  return { priority, reasons, showEmergencyAdvice: own === "emergency" };
}

/** Plain words for the patient: what happens next, from the status and why it was held. */
export function nextStepFor(input: { status: string; showEmergencyAdvice: boolean; heldBecause: readonly HoldReason[] }): string {
  if (input.showEmergencyAdvice) return "Please seek emergency care now. Our front desk sees your request first and will call you.";
  if (input.status === "confirmed") return "Your appointment is confirmed. We have emailed you the details.";
  if (input.heldBecause.includes("hands_on_gate")) return "A clinician reviews your answers before this treatment is confirmed. We will call or email you, usually within one working day.";
  if (input.heldBecause.includes("minor")) return "Because the patient is under 18, our front desk confirms the appointment with the parent or guardian, usually within one working day.";
  return "A clinician will review your request and we will confirm it by email, usually within one working day.";
}
