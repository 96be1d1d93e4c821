"use server";

import { eq, sql } from "drizzle-orm";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { createAction, markPublicAction } from "@/lib/actions/create-action";
import { fieldErrorsOf } from "@/lib/actions/result";
import { recordAuditEvent } from "@/lib/audit";
import { DomainError } from "@/lib/errors";
import { credentialsErrorCode } from "./errors";
import { signIn, signOut } from "./next-auth";
import { hashPassword, verifyPassword } from "./password";
import { ROLES, landingFor } from "./roles";
import { ChangePasswordSchema, SignInSchema, SignOutEverywhereSchema } from "./schemas";
import { revokeAllSessions } from "./sessions";

export interface SignInState {
  error?: string;
  fields?: { email?: string; password?: string };
  email?: string;
}

const GENERIC = "That email and password do not match an active account.";
const LOCKED = "Too many failed attempts. For your security, sign-in is paused for a while; please try again in 15 minutes.";

/** Public: the sign-in form (works without JavaScript). */
export async function signInAction(_prev: SignInState, form: FormData): Promise<SignInState> {
  if (!(form instanceof FormData)) return { error: GENERIC };
  const raw = { email: String(form.get("email") ?? ""), password: String(form.get("password") ?? "") };
  const parsed = SignInSchema.safeParse(raw);
  if (!parsed.success) {
    const f = fieldErrorsOf(parsed.error);
    return { email: raw.email, fields: { email: f.email, password: f.password } };
  }
  try {
    await signIn("credentials", { ...parsed.data, redirect: false });
  } catch (err) {
    const code = credentialsErrorCode(err);
    if (code) return { email: raw.email, error: code === "locked" ? LOCKED : GENERIC };
    throw err;
  }
  const [user] = await getDb()
    .select({ role: users.role })
    .from(users)
    .where(eq(sql`lower(${users.email})`, parsed.data.email))
    .limit(1);
  redirect(landingFor(user?.role ?? "patient", String(form.get("next") ?? "")));
}

/** Ends this browser's session (its row is revoked, so a copied cookie stops working too). */
export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/login?signedOut=1" });
}

/**
 * Changing a password ends every session of the account, this one included: the person signs in again
 * with the new password.
 */
export const changePasswordAction = createAction({ schema: ChangePasswordSchema, roles: ROLES }, async (input, user) => {
  const db = getDb();
  const [row] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, user.id));
  if (!row || !(await verifyPassword(row.passwordHash, input.currentPassword))) {
    throw new DomainError("wrong_password", "default", { fields: { currentPassword: "current_password" } });
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, passwordChangedAt: sql`now()` })
      .where(eq(users.id, user.id));
    await revokeAllSessions(tx, user.id);
    await recordAuditEvent(tx, { actor: user, action: "account.password_changed", entityType: "user", entityId: user.id });
  });
  return { signedOut: true };
});

/** Ends every session of this account on every device (e.g. after using a shared computer). */
export const signOutEverywhereAction = createAction({ schema: SignOutEverywhereSchema, roles: ROLES }, async (_input, user) => {
  await getDb().transaction(async (tx) => {
    await revokeAllSessions(tx, user.id);
    await recordAuditEvent(tx, { actor: user, action: "account.signed_out_everywhere", entityType: "user", entityId: user.id });
  });
  return { signedOut: true };
});

markPublicAction(signInAction);
markPublicAction(signOutAction);
