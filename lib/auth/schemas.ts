import { z } from "zod";
import { MIN_PASSWORD_LENGTH } from "./password-policy";

export const EmailSchema = z
  .string()
  .trim()
  .min(1, "Enter your email")
  .max(254, "That email is too long")
  .pipe(z.email({ message: "Enter a valid email address" }))
  .transform((e) => e.toLowerCase());

export const SignInSchema = z.object({
  email: EmailSchema,
  // Not trimmed: spaces can be part of a password. Bounded so hashing cost stays bounded.
  password: z.string().min(1, "Enter your password").max(256, "That password is too long"),
});
export type SignInInput = z.infer<typeof SignInSchema>;

export const ChangePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password").max(256),
    newPassword: z.string().min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters`).max(256, "Use at most 256 characters"),
    confirmPassword: z.string(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { message: "The two passwords differ", path: ["confirmPassword"] })
  .refine((v) => v.newPassword !== v.currentPassword, { message: "Choose a password you have not used here", path: ["newPassword"] });
export type ChangePasswordInput = z.infer<typeof ChangePasswordSchema>;

/** The button sends confirm: true; nothing else is needed. */
export const SignOutEverywhereSchema = z.object({ confirm: z.literal(true) });
