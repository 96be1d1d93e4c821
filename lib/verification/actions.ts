"use server";

import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { createFormAction, markPublicAction } from "@/lib/actions/create-action";
import { schemaFields, type ActionResult } from "@/lib/actions/result";
import { actionError } from "@/lib/errors";
import { verifySignedId } from "@/lib/secrets";
import { MANAGE_PURPOSE } from "@/lib/booking/manage-token";
import { manageToken } from "@/lib/booking/facts";
import { appointmentForChallenge } from "./queries";
import { PatientContactSchema, VerificationCodeSchema } from "@/lib/booking/schemas";
import { appBaseUrl } from "@/lib/http/base-url";
import { clientIp } from "@/lib/http/ip";
import { nudgeDelivery } from "@/lib/jobs";
import { checkPublicLimit } from "@/lib/rate-limit/public";
import { challengeOfLinkToken } from "./challenges";
import { sendBookingCode } from "./email-code";
import { verifyRequestByCode, verifyRequestByDesk, type VerifyOutcome } from "./requests";

const LIMITED = actionError("rate_limited");

export type VerifyActionData = { status: "requested" | "confirmed" };

function answer(outcome: VerifyOutcome): ActionResult<VerifyActionData> {
  switch (outcome.kind) {
    case "verified":
      return { ok: true, data: { status: outcome.status } };
    case "wrong_code":
      return actionError("wrong_code", "default", { params: { attemptsLeft: outcome.attemptsLeft }, fields: { code: "wrong_code" } });
    case "expired":
      return actionError("expired");
    case "not_pending":
      return actionError("not_pending");
  }
}

/** Public: /book asks for a code before sending. The same answer for every address. */
export async function sendBookingCodeAction(input: { email: string }): Promise<ActionResult<{ challengeId: string; expiresAt: string }>> {
  const email = PatientContactSchema.shape.email.safeParse(input?.email);
  if (!email.success) return actionError("invalid", "email_first", { fields: { "patient.email": "email" } });
  const db = getDb();
  if (!(await checkPublicLimit(db, "booking-code", clientIp(await headers()))).ok) return LIMITED;
  const sent = await sendBookingCode(db, { email: email.data });
  if (!sent) return actionError("rate_limited", "codes");
  await nudgeDelivery();
  return { ok: true, data: { challengeId: sent.challengeId, expiresAt: sent.expiresAt.toISOString() } };
}

/** Public, gated by the manage token: the code from the email. */
export async function verifyByTokenAction(input: { token: string; code: string }): Promise<ActionResult<VerifyActionData>> {
  const parsed = VerificationCodeSchema.safeParse({ code: input?.code });
  if (!parsed.success) return actionError("invalid", "verification_code_format", { fields: schemaFields(parsed.error) });
  const id = typeof input?.token === "string" ? verifySignedId(MANAGE_PURPOSE, input.token) : null;
  if (!id) return actionError("not_found", "link");
  const db = getDb();
  const h = await headers();
  if (!(await checkPublicLimit(db, "verification", clientIp(h))).ok) return LIMITED;
  const result = answer(await verifyRequestByCode(db, { appointmentId: id, code: parsed.data.code, baseUrl: appBaseUrl() }));
  if (result.ok) await nudgeDelivery();
  return result;
}

/** Public, gated by the signed link in the email (a button press, never a GET: mail scanners open links). */
export async function verifyByLinkAction(input: { token: string }): Promise<ActionResult<VerifyActionData & { managePath: string }>> {
  const challengeId = typeof input?.token === "string" ? challengeOfLinkToken(input.token) : null;
  if (!challengeId) return actionError("not_found", "link");
  const db = getDb();
  const h = await headers();
  if (!(await checkPublicLimit(db, "verification", clientIp(h))).ok) return LIMITED;
  const appointmentId = await appointmentForChallenge(db, challengeId);
  if (!appointmentId) return actionError("not_found", "link");
  const result = answer(await verifyRequestByCode(db, { appointmentId, code: null, viaLinkChallengeId: challengeId, baseUrl: appBaseUrl() }));
  if (!result.ok) return result;
  await nudgeDelivery();
  return { ok: true, data: { ...result.data, managePath: `/manage/${manageToken(appointmentId)}` } };
}

const DeskVerifySchema = z.object({
  appointmentId: z.uuid(),
  /** A patient's id to link to, or "new" for a new patient record. */
  patientId: z.union([z.uuid(), z.literal("new")], { message: "Choose the patient, or a new record" }),
});

/** Front desk: the caller's identity was checked on the phone; link the request to their record. */
export const verifyByDeskAction = createFormAction({ schema: DeskVerifySchema, roles: ["staff", "admin"] }, async ({ appointmentId, patientId }, user) => {
  const baseUrl = appBaseUrl();
  const outcome = await getDb().transaction((tx) => verifyRequestByDesk(tx, { appointmentId, actor: user, linkToPatientId: patientId === "new" ? null : patientId, baseUrl }));
  await nudgeDelivery();
  revalidatePath("/desk", "layout");
  return { appointmentId, status: outcome.kind === "verified" ? outcome.status : "requested" };
});

markPublicAction(sendBookingCodeAction);
markPublicAction(verifyByTokenAction);
markPublicAction(verifyByLinkAction);
