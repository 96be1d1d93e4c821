import { z } from "zod";
import { ADULT_AGE, ageOn } from "@/lib/triage/age";
import { RED_FLAG_CODES } from "@/lib/triage/red-flags";
import { OUTSIDE_HORIZON_MESSAGE, isPlausibleDate, isWithinBookingRange } from "@/lib/validation/dates";
import { text } from "@/lib/validation/text";

/**
 * One schema for an appointment request, shared by the public API, the /book form and the front desk.
 * Unknown red-flag codes are refused, not ignored; free text is bounded and kept as typed.
 */

const today = () => new Date().toISOString().slice(0, 10);
/** The oldest date of birth we accept: 120 years before today. */
const oldestBirthDate = () => {
  const d = new Date();
  d.setUTCFullYear(d.getUTCFullYear() - 120);
  return d.toISOString().slice(0, 10);
};

export const PatientContactSchema = z.object({
  name: text().trim().min(2, "Enter your full name").max(120, "Use at most 120 characters"),
  email: z
    .string()
    .trim()
    .max(254, "That email is too long")
    .pipe(z.email({ message: "Enter a valid email address" }))
    .transform((e) => e.toLowerCase()),
  phone: z
    .string()
    .trim()
    .min(7, "Enter a phone number we can call")
    .max(30, "That phone number is too long")
    .regex(/^\+?[0-9 ()\-.]+$/, "Use digits, spaces, +, -, ( and ) only"),
  dateOfBirth: z.iso
    .date({ message: "Enter your date of birth" })
    .refine((d) => d <= today(), { message: "A date of birth cannot be in the future" })
    .refine((d) => d >= oldestBirthDate(), { message: "Enter a date of birth within the last 120 years" }),
});
export type PatientContact = z.infer<typeof PatientContactSchema>;

export const IntakeSchema = z.object({
  painStartedOn: z.iso.date({ message: "When did the pain start?" }).refine((d) => d >= "1900-01-01" && d <= today(), { message: "The pain cannot start in the future" }),
  painScore: z.number({ message: "Choose a number from 0 to 10" }).int("Choose a whole number").min(0, "Choose a number from 0 to 10").max(10, "Choose a number from 0 to 10"),
  worseWith: text().trim().max(500, "Use at most 500 characters").default(""),
  redFlags: z
    .array(z.enum(RED_FLAG_CODES, { message: "Unknown red-flag code" }))
    .max(RED_FLAG_CODES.length)
    .refine((codes) => new Set(codes).size === codes.length, { message: "A red flag is listed twice" })
    .default([]),
  notes: text().trim().max(2000, "Use at most 2000 characters").default(""),
});
export type Intake = z.infer<typeof IntakeSchema>;

/** A patient under 18: the parent or guardian who consents to the visit. */
export const GuardianSchema = z.object({
  name: text().trim().min(2, "Enter the parent's or guardian's full name").max(120, "Use at most 120 characters"),
  relationship: text().trim().min(2, "Say how they are related (for example mother, father, legal guardian)").max(60, "Use at most 60 characters"),
  consent: z.literal(true, { message: "A parent or guardian must consent to the visit" }),
});
export type Guardian = z.infer<typeof GuardianSchema>;

/** Is this date of birth under 18 today? (The form shows the guardian fields when it is.) */
export function isMinorBirthDate(dateOfBirth: string, on: string = today()): boolean {
  return ageOn(dateOfBirth, on) < ADULT_AGE;
}

/**
 * Rules across the patient and the intake, for every schema that has both: pain cannot start before
 * birth, and someone under 18 comes with a consenting parent or guardian.
 */
function refinePatientAndIntake(value: { patient: { dateOfBirth: string }; intake: { painStartedOn: string }; guardian?: Guardian | undefined }, ctx: z.RefinementCtx) {
  if (value.intake.painStartedOn < value.patient.dateOfBirth) {
    ctx.addIssue({ code: "custom", path: ["intake", "painStartedOn"], message: "The pain cannot start before the date of birth" });
  }
  if (isMinorBirthDate(value.patient.dateOfBirth) && !value.guardian) {
    ctx.addIssue({ code: "custom", path: ["guardian", "name"], message: "Under 18: a parent or guardian must consent" });
  }
}

export const AppointmentRequestSchema = z
  .object({
    service: z
      .string()
      .trim()
      .min(1, "Choose a service")
      .max(80)
      .regex(/^[a-z0-9-]+$/, "Unknown service"),
    practitionerId: z.uuid({ message: "Choose a practitioner" }),
    start: z.iso.datetime({ offset: true, message: "Choose a time (ISO 8601 with offset)" }).refine((s) => isWithinBookingRange(s), OUTSIDE_HORIZON_MESSAGE),
    patient: PatientContactSchema,
    intake: IntakeSchema,
    /** Required when the patient is under 18. */
    guardian: GuardianSchema.optional(),
  })
  .superRefine(refinePatientAndIntake);
export type AppointmentRequest = z.infer<typeof AppointmentRequestSchema>;
export type AppointmentRequestInput = z.input<typeof AppointmentRequestSchema>;

/** Keys clients send in the Idempotency-Key header (or the form's hidden field). */
export const IdempotencyKeySchema = z
  .string()
  .min(8, "Idempotency-Key must be 8 to 128 characters")
  .max(128, "Idempotency-Key must be 8 to 128 characters")
  .regex(/^[\w.:-]+$/, "Idempotency-Key may use letters, digits, _ . : and - only");

export const SlotsQuerySchema = z
  .object({
    service: z.string().min(1, "service is required").max(80),
    from: z.iso.date({ message: "from must be a date (YYYY-MM-DD)" }).refine((d) => isPlausibleDate(d), "from must be between 1900-01-01 and ten years from now"),
    to: z.iso.date({ message: "to must be a date (YYYY-MM-DD)" }).refine((d) => isPlausibleDate(d), "to must be between 1900-01-01 and ten years from now"),
    practitioner: z.uuid({ message: "practitioner must be an id" }).optional(),
    location: z.uuid({ message: "location must be an id" }).optional(),
  })
  .refine((q) => q.from <= q.to, { message: "to must not be before from", path: ["to"] });

export const RescheduleSchema = z.object({
  token: z.string().min(10).max(200),
  start: z.iso.datetime({ offset: true, message: "Choose a new time" }).refine((s) => isWithinBookingRange(s), OUTSIDE_HORIZON_MESSAGE),
});
export const CancelSchema = z.object({
  token: z.string().min(10).max(200),
  reason: text().trim().max(500, "Use at most 500 characters").default(""),
});

/** The /book form: red flags are answered one by one (yes/no), every question must be answered. */
export const RedFlagAnswersSchema = z.object(
  Object.fromEntries(RED_FLAG_CODES.map((code) => [code, z.enum(["yes", "no"], { message: "Please answer yes or no" })])) as Record<
    (typeof RED_FLAG_CODES)[number],
    z.ZodEnum<{ yes: "yes"; no: "no" }>
  >,
);
export type RedFlagAnswers = z.infer<typeof RedFlagAnswersSchema>;

export const BookingFormSchema = z
  .object({
    service: z
      .string()
      .trim()
      .min(1, "Choose a service")
      .max(80)
      .regex(/^[a-z0-9-]+$/, "Unknown service"),
    practitionerChoice: z.string().min(1, "Choose a practitioner or first available").max(64),
    practitionerId: z.uuid({ message: "Choose a time" }),
    start: z.iso.datetime({ offset: true, message: "Choose a time" }),
    intake: IntakeSchema.omit({ redFlags: true }).extend({ answers: RedFlagAnswersSchema }),
    patient: PatientContactSchema,
    guardian: GuardianSchema.optional(),
  })
  .superRefine(refinePatientAndIntake);
export type BookingFormValues = z.input<typeof BookingFormSchema>;

/** The form's answers as an appointment request (yes answers become red-flag codes). */
export function toAppointmentRequest(values: z.infer<typeof BookingFormSchema>): z.input<typeof AppointmentRequestSchema> {
  const { answers, ...intake } = values.intake;
  return {
    service: values.service,
    practitionerId: values.practitionerId,
    start: values.start,
    patient: values.patient,
    intake: { ...intake, redFlags: RED_FLAG_CODES.filter((code) => answers[code] === "yes") },
    ...(values.guardian && isMinorBirthDate(values.patient.dateOfBirth) ? { guardian: values.guardian } : {}),
  };
}

/** /book, not signed in: the challenge the code was sent for and the code typed. */
export const EmailCodeSchema = z.object({
  challengeId: z.uuid({ message: "Ask for a code first" }),
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, "Enter the 6-digit code from the email"),
});

/** Manage page and API: the code that proves a pending request came from the address's owner. */
export const VerificationCodeSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, "Enter the 6-digit code from the email"),
});
