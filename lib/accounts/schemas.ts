import { z } from "zod";
import { EmailSchema } from "@/lib/auth/schemas";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-policy";
import { DISCIPLINES } from "@/lib/clinic/disciplines";
import { text } from "@/lib/validation/text";
import { INVITABLE_ROLES } from "./purposes";

export const SetUserDisabledSchema = z.object({
  userId: z.uuid(),
  disabled: z.boolean(),
});
export type SetUserDisabledInput = z.infer<typeof SetUserDisabledSchema>;

/** A select left on "Choose…" sends "": the same as not answering. */
const blankAsMissing = (v: unknown) => (v === "" ? undefined : v);

/** An admin invites front desk, a practitioner (with discipline and location) or another admin. */
export const InviteSchema = z
  .object({
    name: text().trim().min(2, "Enter their full name").max(120, "Use at most 120 characters"),
    email: EmailSchema,
    role: z.enum(INVITABLE_ROLES, { message: "Choose a role" }),
    discipline: z.preprocess(blankAsMissing, z.enum(DISCIPLINES, { message: "Choose a discipline" }).optional()),
    locationId: z.preprocess(blankAsMissing, z.uuid({ message: "Choose a location" }).optional()),
  })
  .superRefine((v, ctx) => {
    if (v.role !== "practitioner") return;
    if (!v.discipline) ctx.addIssue({ code: "custom", path: ["discipline"], message: "Choose the practitioner's discipline" });
    if (!v.locationId) ctx.addIssue({ code: "custom", path: ["locationId"], message: "Choose where they work" });
  });
export type InviteInput = z.infer<typeof InviteSchema>;

export const InvitationIdSchema = z.object({ invitationId: z.uuid() });
export const PatientIdSchema = z.object({ patientId: z.uuid() });

export const ForgotPasswordSchema = z.object({ email: EmailSchema });
/** The one answer to "forgot password", whether or not the address has an account. */
export const FORGOT_ANSWER = "If an account uses that address, we have emailed it a link to choose a new password. Check your inbox (and spam folder).";

/** Choosing a password from an emailed link. Not trimmed: spaces can be part of a password. */
export const SetPasswordSchema = z
  .object({
    token: z.string().min(1, "This link is not complete").max(100, "This link is not valid"),
    password: text().min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters`).max(256, "Use at most 256 characters"),
    confirmPassword: z.string().max(256),
  })
  .refine((v) => v.password === v.confirmPassword, { message: "The two passwords differ", path: ["confirmPassword"] });
export type SetPasswordInput = z.infer<typeof SetPasswordSchema>;
