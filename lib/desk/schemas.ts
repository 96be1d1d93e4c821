import { z } from "zod";
import { CANCEL_REASONS } from "@/lib/appointments/cancellation";
import { OUTSIDE_HORIZON_MESSAGE, isWithinBookingRange } from "@/lib/validation/dates";
import { text } from "@/lib/validation/text";

export const AppointmentIdSchema = z.object({ appointmentId: z.uuid() });
export const DeclineSchema = z.object({
  appointmentId: z.uuid(),
  reason: z.string().trim().min(3, "Tell the patient why").max(500, "Use at most 500 characters"),
});
/** The desk proposes another time for a request: a free time of its practitioner, as an instant from the slots engine. */
export const ProposeSchema = z.object({
  appointmentId: z.uuid(),
  start: z.iso.datetime({ offset: true, message: "Choose a free time" }).refine((s) => isWithinBookingRange(s), OUTSIDE_HORIZON_MESSAGE),
});
export type ProposeInput = z.input<typeof ProposeSchema>;
export const VisitMarkSchema = z.object({ appointmentId: z.uuid(), mark: z.enum(["arrived", "completed", "no_show"]) });

const REASON = z.enum(CANCEL_REASONS, { message: "Choose a reason" });
const NOTE = text().trim().max(500, "Use at most 500 characters").default("");

/** The desk cancels an upcoming appointment with a reason (a code) and an optional note. */
export const StaffCancelSchema = z.object({ appointmentId: z.uuid(), reason: REASON, note: NOTE });
export type StaffCancelInput = z.input<typeof StaffCancelSchema>;

/** The desk moves an upcoming appointment to a free time (an instant from the slots engine), possibly to another practitioner. */
export const StaffMoveSchema = z.object({
  appointmentId: z.uuid(),
  practitionerId: z.uuid({ message: "Choose a practitioner" }),
  start: z.iso.datetime({ offset: true, message: "Choose a free time" }).refine((s) => isWithinBookingRange(s), OUTSIDE_HORIZON_MESSAGE),
  reason: REASON,
});
export type StaffMoveInput = z.input<typeof StaffMoveSchema>;
