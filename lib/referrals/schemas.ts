import { z } from "zod";
import { INCOMING_SPECIALTIES, OUTGOING_SPECIALTIES, REFERRAL_STATUSES } from "./kinds";

const text = (min: number, max: number, message: string) => z.string().trim().min(min, message).max(max, `Use at most ${max} characters`);

export const IncomingReferralSchema = z
  .object({
    patientId: z.union([z.uuid(), z.literal("")]).default(""),
    patientName: z.string().trim().max(120).default(""),
    patientEmail: z.string().trim().max(254).default(""),
    patientDateOfBirth: z.string().trim().max(10, "Enter the date of birth").default(""),
    specialty: z.enum(INCOMING_SPECIALTIES, { message: "Choose where the referral comes from" }),
    counterpart: text(2, 200, "Who referred the patient?"),
    reason: text(3, 1000, "Give the reason for the referral"),
    letterText: z.string().trim().max(20_000, "Use at most 20,000 characters").default(""),
  })
  .superRefine((v, ctx) => {
    if (v.patientId) return;
    if (v.patientName.length < 2) ctx.addIssue({ code: "custom", path: ["patientName"], message: "Choose a patient or enter a new one's name" });
    if (!z.email().safeParse(v.patientEmail).success) ctx.addIssue({ code: "custom", path: ["patientEmail"], message: "Enter the patient's email" });
    if (!z.iso.date().safeParse(v.patientDateOfBirth).success) ctx.addIssue({ code: "custom", path: ["patientDateOfBirth"], message: "Enter the date of birth" });
  });

export const OutgoingReferralSchema = z.object({
  caseId: z.uuid(),
  specialty: z.enum(OUTGOING_SPECIALTIES, { message: "Choose the specialty" }),
  counterpart: text(2, 200, "To whom (clinician or service)?"),
  reason: text(3, 1000, "Give the reason for the referral"),
  letterText: z.string().trim().max(20_000).default(""),
});

export const ReferralStatusSchema = z.object({ referralId: z.uuid(), status: z.enum(REFERRAL_STATUSES) });
