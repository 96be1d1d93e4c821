import { env } from "@/lib/env";
/**
 * What a single-use account link is for. One table holds them all (account_tokens); each purpose has its
 * own lifetime, email and landing.
 *   portal_setup   — a patient without an account chooses a password and gets portal access
 *   password_reset — "Forgot password": a new password, every other session ended
 *   staff_invite   — an admin invites front desk, a practitioner or an admin
 */
export const ACCOUNT_TOKEN_PURPOSES = ["portal_setup", "password_reset", "staff_invite"] as const;
export type AccountTokenPurpose = (typeof ACCOUNT_TOKEN_PURPOSES)[number];

/** Roles an admin can invite (patients get portal setup links instead). */
export const INVITABLE_ROLES = ["staff", "practitioner", "admin"] as const;
export type InvitableRole = (typeof INVITABLE_ROLES)[number];

/** How long each link works: INVITE_LINK_DAYS (7) for invitations and portal setup, PASSWORD_RESET_MINUTES (60). */
export function tokenLifetimeSeconds(purpose: AccountTokenPurpose): number {
  return purpose === "password_reset" ? env().PASSWORD_RESET_MINUTES * 60 : env().INVITE_LINK_DAYS * 86_400;
}
