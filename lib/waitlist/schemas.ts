import { z } from "zod";
import { GuardianSchema, IntakeSchema, PatientContactSchema, RedFlagAnswersSchema, isMinorBirthDate } from "@/lib/booking/schemas";
import { RED_FLAG_CODES } from "@/lib/triage/red-flags";
import { bookingHorizonDays } from "@/lib/validation/dates";
import { DAY_PARTS } from "./windows";

/** The waitlist's shared schemas (client and server; no server imports). */

const today = () => new Date().toISOString().slice(0, 10);
const horizonDay = () => new Date(Date.now() + bookingHorizonDays() * 86_400_000).toISOString().slice(0, 10);

const oneOrMany = (v: unknown) => (typeof v === "string" ? [v] : v === undefined || v === null || v === false ? [] : v);

/** When the patient can come: days, parts of the day, until a date within the booking horizon. */
export const WaitlistWindowsSchema = z.object({
  // A plain form posts one checked box as a single value.
  weekdays: z.preprocess(
    oneOrMany,
    z
      .array(z.coerce.number().int().min(1).max(7))
      .min(1, "Choose at least one day you can come")
      .max(7)
      .transform((days) => [...new Set(days)].sort()),
  ),
  dayParts: z.preprocess(
    oneOrMany,
    z
      .array(z.enum(DAY_PARTS, { message: "Unknown part of the day" }))
      .min(1, "Choose at least one part of the day")
      .max(3)
      .transform((parts) => [...new Set(parts)]),
  ),
  until: z.iso
    .date({ message: "Until when should we look?" })
    .refine((d) => d >= today(), { message: "Choose a day from today on" })
    .refine((d) => d <= horizonDay(), { message: `Choose a day within the booking horizon (the next ${bookingHorizonDays()} days)` }),
});
export type WaitlistWindows = z.infer<typeof WaitlistWindowsSchema>;

const serviceSlug = z
  .string()
  .trim()
  .min(1, "Choose a service")
  .max(80)
  .regex(/^[a-z0-9-]+$/, "Unknown service");
const optionalId = (message: string) =>
  z
    .union([z.uuid({ message }), z.literal(""), z.literal("any")])
    .optional()
    .transform((v) => (v && v !== "any" ? v : null));

/** What the server takes to put someone on the waitlist (the API shape; intake with red-flag codes). */
export const JoinWaitlistSchema = z.object({
  service: serviceSlug,
  practitionerId: optionalId("Choose a practitioner or anyone"),
  locationId: optionalId("Choose a location or any"),
  windows: WaitlistWindowsSchema,
  /** A visitor on /book (a signed-in patient, the manage page and the desk use the record). */
  patient: PatientContactSchema.optional(),
  intake: IntakeSchema,
  guardian: GuardianSchema.optional(),
});
export type JoinWaitlistInput = z.input<typeof JoinWaitlistSchema>;
export type JoinWaitlist = z.infer<typeof JoinWaitlistSchema>;

/** The /book form's waitlist step: the booking answers (red flags answered yes/no) with windows. */
export const WaitlistFormSchema = z.object({
  service: serviceSlug,
  practitionerChoice: z.string().max(64).default(""),
  windows: WaitlistWindowsSchema,
  intake: IntakeSchema.omit({ redFlags: true }).extend({ answers: RedFlagAnswersSchema }),
  patient: PatientContactSchema,
  guardian: GuardianSchema.optional(),
});
export type WaitlistFormValues = z.input<typeof WaitlistFormSchema>;

export function toJoinWaitlist(values: z.infer<typeof WaitlistFormSchema>): JoinWaitlistInput {
  const { answers, ...intake } = values.intake;
  return {
    service: values.service,
    practitionerId: values.practitionerChoice,
    windows: values.windows,
    patient: values.patient,
    intake: { ...intake, redFlags: RED_FLAG_CODES.filter((code) => answers[code] === "yes") },
    ...(values.guardian && isMinorBirthDate(values.patient.dateOfBirth) ? { guardian: values.guardian } : {}),
  };
}

/** The desk or a known patient (manage page): the record is known, the windows and the answers are asked. */
export const JoinForPatientSchema = z.object({
  service: serviceSlug,
  practitionerId: optionalId("Choose a practitioner or anyone"),
  windows: WaitlistWindowsSchema,
});

export const OfferTokenSchema = z.object({ token: z.string().min(10).max(200) });
