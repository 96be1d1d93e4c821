"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { createAction, createFormAction, markPublicAction } from "@/lib/actions/create-action";
import { schemaFields, type ActionResult } from "@/lib/actions/result";
import { formToObject } from "@/lib/actions/form-data";
import { recordAuditEvent } from "@/lib/audit";
import { credentialsErrorCode } from "@/lib/auth/errors";
import { signIn } from "@/lib/auth/next-auth";
import { landingFor } from "@/lib/auth/roles";
import { DomainError, actionError, actionErrorOf } from "@/lib/errors";
import { clientIp } from "@/lib/http/ip";
import { nudgeDelivery } from "@/lib/jobs";
import { hit, retryAfterSeconds } from "@/lib/rate-limit";
import { checkPublicLimit } from "@/lib/rate-limit/public";
import { setUserDisabled } from "./accounts";
import { completeAccountLink, inviteStaff, requestPasswordReset, revokeInvitation, sendPortalInvite } from "./links";
import { FORGOT_ANSWER, ForgotPasswordSchema, InvitationIdSchema, InviteSchema, PatientIdSchema, SetPasswordSchema, SetUserDisabledSchema } from "./schemas";

export const setUserDisabledAction = createAction({ schema: SetUserDisabledSchema, roles: ["admin"] }, async (input, user) => {
  await getDb().transaction(async (tx) => {
    await setUserDisabled(tx, { ...input, actorId: user.id });
    await recordAuditEvent(tx, {
      actor: user,
      action: input.disabled ? "account.disabled" : "account.enabled",
      entityType: "user",
      entityId: input.userId,
    });
  });
  revalidatePath("/admin/users");
  return { userId: input.userId, disabled: input.disabled };
});

/** Admins invite front desk, practitioners and admins by email; the invitee chooses a password. */
export const inviteStaffAction = createFormAction({ schema: InviteSchema, roles: ["admin"] }, async (input, user) => {
  const result = await getDb().transaction((tx) => inviteStaff(tx, { ...input, actor: user }));
  await nudgeDelivery();
  revalidatePath("/admin/users");
  return result;
});

export const revokeInvitationAction = createAction({ schema: InvitationIdSchema, roles: ["admin"] }, async ({ invitationId }, user) => {
  await getDb().transaction((tx) => revokeInvitation(tx, { invitationId, actor: user }));
  revalidatePath("/admin/users");
  return { invitationId };
});

/** The front desk emails a patient without an account a link to set up portal access. */
export const sendPortalInviteAction = createFormAction({ schema: PatientIdSchema, roles: ["staff", "admin"] }, async ({ patientId }, user) => {
  const result = await getDb().transaction((tx) => sendPortalInvite(tx, { patientId, actor: user }));
  switch (result.kind) {
    case "not_found":
      throw new DomainError("not_found", "patient");
    case "has_account":
      throw new DomainError("has_account");
    case "email_in_use":
      throw new DomainError("email_in_use");
  }
  await nudgeDelivery();
  revalidatePath(`/desk/patients/${patientId}`);
  return result;
});

// ---------------------------------------------------------------------------------------------------
// Public: forgot password, and choosing a password from an emailed link (plain forms, no JavaScript needed)

export type ForgotPasswordState = ActionResult<{ message: string }> & { email?: string };

/** "Forgot password": limits per address and per email (15 minutes); beyond them, the wait in words. */
const FORGOT_WINDOW_SECONDS = 15 * 60;
const FORGOT_PER_IP = 10;
const FORGOT_PER_EMAIL = 3;

const waitFor = (seconds: number) => actionError("rate_limited", "minutes", { params: { minutes: Math.max(1, Math.ceil(seconds / 60)) } });

/** The same answer for known and unknown addresses; only the owner of a known one gets an email. */
export async function requestPasswordResetAction(_previous: ForgotPasswordState | null, form: FormData): Promise<ForgotPasswordState> {
  const raw = formToObject(form);
  const db = getDb();
  const ip = clientIp(await headers());
  const byIp = await hit(db, `forgot:ip:${ip}`, { windowSeconds: FORGOT_WINDOW_SECONDS });
  if (byIp.count > FORGOT_PER_IP) return waitFor(retryAfterSeconds(byIp.resetAt));
  const parsed = ForgotPasswordSchema.safeParse(raw);
  if (!parsed.success) {
    return { ...actionError("invalid", "email", { fields: schemaFields(parsed.error) }), email: typeof raw.email === "string" ? raw.email : "" };
  }
  const byEmail = await hit(db, `forgot:email:${parsed.data.email}`, { windowSeconds: FORGOT_WINDOW_SECONDS });
  if (byEmail.count > FORGOT_PER_EMAIL) return { ...waitFor(retryAfterSeconds(byEmail.resetAt)), email: parsed.data.email };
  await requestPasswordReset(db, parsed.data);
  await nudgeDelivery();
  return { ok: true, data: { message: FORGOT_ANSWER } };
}

export type SetPasswordState = ActionResult<never> | null;

/**
 * Uses an emailed link (portal setup, invitation or reset), sets the password, signs the person in on
 * this browser and takes them to their role's home.
 */
export async function setPasswordAction(_previous: SetPasswordState, form: FormData): Promise<SetPasswordState> {
  const db = getDb();
  if (!(await checkPublicLimit(db, "account-links", clientIp(await headers()))).ok) {
    return actionError("rate_limited");
  }
  const parsed = SetPasswordSchema.safeParse(formToObject(form));
  if (!parsed.success) return actionError("invalid", "default", { fields: schemaFields(parsed.error) });
  let account: Awaited<ReturnType<typeof completeAccountLink>>;
  try {
    account = await completeAccountLink(db, { token: parsed.data.token, password: parsed.data.password });
  } catch (err) {
    if (err instanceof DomainError) return actionErrorOf(err);
    throw err;
  }
  await nudgeDelivery();
  try {
    await signIn("credentials", { email: account.email, password: parsed.data.password, redirect: false });
  } catch (err) {
    // The password is set; only this sign-in was refused (e.g. this connection is paused): sign in by hand.
    if (credentialsErrorCode(err)) redirect("/login?passwordSet=1");
    throw err;
  }
  redirect(landingFor(account.role, ""));
}

markPublicAction(requestPasswordResetAction);
markPublicAction(setPasswordAction);
