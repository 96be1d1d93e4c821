"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { createAction, createFormAction, markPublicAction } from "@/lib/actions/create-action";
import { fieldErrorsOf, type ActionResult } from "@/lib/actions/result";
import { formToObject } from "@/lib/actions/form-data";
import { recordAuditEvent } from "@/lib/audit";
import { credentialsErrorCode } from "@/lib/auth/errors";
import { signIn } from "@/lib/auth/next-auth";
import { landingFor } from "@/lib/auth/roles";
import { DomainError } from "@/lib/errors";
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
      throw new DomainError("not_found", "That patient does not exist.");
    case "has_account":
      throw new DomainError("has_account", "This patient already has a portal account.");
    case "email_in_use":
      throw new DomainError("email_in_use", "Another account already uses this patient's email address; portal access needs an address of its own.");
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

const waitMessage = (seconds: number) => `Too many requests. Please try again in ${Math.max(1, Math.ceil(seconds / 60))} minute${seconds > 60 ? "s" : ""}.`;

/** The same answer for known and unknown addresses; only the owner of a known one gets an email. */
export async function requestPasswordResetAction(_previous: ForgotPasswordState | null, form: FormData): Promise<ForgotPasswordState> {
  const raw = formToObject(form);
  const db = getDb();
  const ip = clientIp(await headers());
  const byIp = await hit(db, `forgot:ip:${ip}`, { windowSeconds: FORGOT_WINDOW_SECONDS });
  if (byIp.count > FORGOT_PER_IP) return { ok: false, error: { code: "rate_limited", message: waitMessage(retryAfterSeconds(byIp.resetAt)) } };
  const parsed = ForgotPasswordSchema.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, email: typeof raw.email === "string" ? raw.email : "", error: { code: "invalid", message: "Please enter your email address.", fields: fieldErrorsOf(parsed.error) } };
  }
  const byEmail = await hit(db, `forgot:email:${parsed.data.email}`, { windowSeconds: FORGOT_WINDOW_SECONDS });
  if (byEmail.count > FORGOT_PER_EMAIL) return { ok: false, email: parsed.data.email, error: { code: "rate_limited", message: waitMessage(retryAfterSeconds(byEmail.resetAt)) } };
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
    return { ok: false, error: { code: "rate_limited", message: "Too many attempts from your connection. Please wait a minute and try again." } };
  }
  const parsed = SetPasswordSchema.safeParse(formToObject(form));
  if (!parsed.success) return { ok: false, error: { code: "invalid", message: "Please correct the highlighted fields.", fields: fieldErrorsOf(parsed.error) } };
  let account: Awaited<ReturnType<typeof completeAccountLink>>;
  try {
    account = await completeAccountLink(db, { token: parsed.data.token, password: parsed.data.password });
  } catch (err) {
    if (err instanceof DomainError) return { ok: false, error: { code: err.code, message: err.message } };
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
