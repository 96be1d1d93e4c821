import { z } from "zod";
import { PatientContactSchema } from "@/lib/booking/schemas";

/** The desk edits a patient's contact details (the same rules as the booking form's contact step). */
export const UpdateContactSchema = PatientContactSchema.pick({ name: true, email: true, phone: true }).extend({ patientId: z.uuid() });
export type UpdateContactInput = z.input<typeof UpdateContactSchema>;
