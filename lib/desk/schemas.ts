import { z } from "zod";
import { OUTSIDE_HORIZON_MESSAGE, isLocalWithinBookingRange } from "@/lib/validation/dates";

export const AppointmentIdSchema = z.object({ appointmentId: z.uuid() });
export const DeclineSchema = z.object({
  appointmentId: z.uuid(),
  reason: z.string().trim().min(3, "Tell the patient why").max(500, "Use at most 500 characters"),
});
/** The desk proposes a local date and time (clinic time); the server turns it into an instant. */
export const ProposeSchema = z.object({
  appointmentId: z.uuid(),
  start: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "Choose a date and time")
    .refine((s) => isLocalWithinBookingRange(s), OUTSIDE_HORIZON_MESSAGE),
});
export const VisitMarkSchema = z.object({ appointmentId: z.uuid(), mark: z.enum(["arrived", "completed", "no_show"]) });
