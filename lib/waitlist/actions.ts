"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { z } from "zod";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { intakes } from "@/db/schema";
import type { ActionResult } from "@/lib/actions/result";
import { schemaFields } from "@/lib/actions/result";
import { createFormAction, markPublicAction } from "@/lib/actions/create-action";
import { getCurrentUser } from "@/lib/auth";
import { resolveManageToken } from "@/lib/booking/manage";
import { manageToken } from "@/lib/booking/facts";
import { EmailCodeSchema } from "@/lib/booking/schemas";
import { DomainError, actionError, actionErrorOf } from "@/lib/errors";
import { appBaseUrl } from "@/lib/http/base-url";
import { clientIp } from "@/lib/http/ip";
import { nudgeDelivery } from "@/lib/jobs";
import { checkPublicLimit } from "@/lib/rate-limit/public";
import { provenEmail } from "@/lib/verification/email-code";
import { acceptOffer, declineOffer, joinWaitlist, latestIntakeOf, leaveByOffer, leaveWaitlist } from "./commands";
import { JoinForPatientSchema, JoinWaitlistSchema, OfferTokenSchema, type JoinWaitlistInput } from "./schemas";

export type JoinedData = { kind: "joined"; showEmergencyAdvice: boolean };

async function limited(bucket: string) {
  const h = await headers();
  return !(await checkPublicLimit(getDb(), bucket, clientIp(h))).ok;
}

/** /book: nothing fits — a signed-in patient, or a visitor who proved the address with the emailed code, joins. */
export async function joinWaitlistAction(input: JoinWaitlistInput, emailCode?: z.input<typeof EmailCodeSchema>): Promise<ActionResult<JoinedData>> {
  if (await limited("waitlist")) return actionError("rate_limited");
  const parsed = JoinWaitlistSchema.safeParse(input);
  if (!parsed.success) return actionError("invalid", "answers", { fields: schemaFields(parsed.error) });
  const db = getDb();
  const user = await getCurrentUser();
  let verifiedEmail: string | null = null;
  if (!user) {
    const code = EmailCodeSchema.safeParse(emailCode);
    if (!code.success || !parsed.data.patient) return actionError("invalid", "email_code_format", { fields: { emailCode: "email_code" } });
    const checked = await provenEmail(db, { ...code.data, email: parsed.data.patient.email });
    if (!checked.ok) {
      const refusal = actionError(checked.code, checked.key, { params: checked.params });
      return { ok: false, error: { ...refusal.error, fields: { emailCode: refusal.error.message } } };
    }
    verifiedEmail = parsed.data.patient.email;
  }
  try {
    const actor = user ? { id: user.id, role: user.role, patientId: user.patientId } : null;
    // Only a patient joins for themselves here (the desk uses the patient's page).
    if (actor && actor.role !== "patient") return actionError("forbidden");
    const joined = await joinWaitlist(db, input, { actor, verifiedEmail });
    return { ok: true, data: { kind: "joined", showEmergencyAdvice: joined.showEmergencyAdvice } };
  } catch (err) {
    if (err instanceof DomainError) return actionErrorOf(err);
    throw err;
  }
}

const ManageJoinSchema = JoinForPatientSchema.extend({ token: z.string().min(10).max(200) });

/** The manage page: the appointment's patient waits for an earlier or better time (their answers reused). */
export async function joinWaitlistByLinkAction(input: z.input<typeof ManageJoinSchema>): Promise<ActionResult<JoinedData>> {
  if (await limited("manage")) return actionError("rate_limited");
  const parsed = ManageJoinSchema.safeParse(input);
  if (!parsed.success) return actionError("invalid", "check_answer", { fields: schemaFields(parsed.error) });
  const db = getDb();
  const state = await resolveManageToken(db, parsed.data.token);
  if (!state) return actionError("not_found", "link");
  const [answers] = await db.select().from(intakes).where(eq(intakes.appointmentId, state.details.id));
  try {
    const joined = await joinWaitlist(
      db,
      {
        service: parsed.data.service,
        practitionerId: parsed.data.practitionerId ?? "",
        windows: parsed.data.windows,
        intake: answers
          ? { painStartedOn: answers.painStartedOn, painScore: answers.painScore, worseWith: answers.worseWith, redFlags: [...(answers.redFlags ?? [])], notes: answers.notes }
          : ((await latestIntakeOf(db, state.details.patientId)) ?? undefined)!,
        ...(answers?.guardianName ? { guardian: { name: answers.guardianName, relationship: answers.guardianRelationship ?? "", consent: true as const } } : {}),
      } as JoinWaitlistInput,
      { actor: null, patientId: state.details.patientId, viaManageLink: true },
    );
    return { ok: true, data: { kind: "joined", showEmergencyAdvice: joined.showEmergencyAdvice } };
  } catch (err) {
    if (err instanceof DomainError) return actionErrorOf(err);
    throw err;
  }
}

/** The desk, from the patient's page: their last answers are reused. */
export const joinWaitlistForPatientAction = createFormAction(
  { schema: JoinForPatientSchema.extend({ patientId: z.uuid() }), roles: ["staff", "admin"] },
  async ({ patientId, service, practitionerId, windows }, user) => {
    const db = getDb();
    const answers = await latestIntakeOf(db, patientId);
    if (!answers) throw new DomainError("invalid", "default", { fields: { service: { text: "This patient has not answered the intake questions yet: book a first visit instead" } } });
    await joinWaitlist(db, { service, practitionerId: practitionerId ?? "", windows, intake: answers } as JoinWaitlistInput, { actor: user, patientId });
    revalidatePath("/desk/waitlist");
    return { kind: "joined" as const };
  },
);

/** The desk takes someone off the list (open offers withdrawn, their times passed on). */
export const leaveWaitlistAction = createFormAction({ schema: z.object({ entryId: z.uuid() }), roles: ["staff", "admin"] }, async ({ entryId }, user) => {
  await leaveWaitlist(getDb(), { entryId, actor: user });
  revalidatePath("/desk/waitlist");
  return { kind: "left" as const };
});

export type OfferAnswer = { kind: "booked"; managePath: string; status: string } | { kind: "declined" } | { kind: "gone"; reason: string } | { kind: "taken" };

/** Public, gated by the offer's link (it went to the waiting patient's address): take the held time. */
export async function acceptOfferAction(input: z.input<typeof OfferTokenSchema>): Promise<ActionResult<OfferAnswer>> {
  const parsed = OfferTokenSchema.safeParse(input);
  if (!parsed.success) return actionError("not_found", "waitlist_offer");
  if (await limited("manage")) return actionError("rate_limited");
  try {
    const outcome = await acceptOffer(getDb(), parsed.data.token, { baseUrl: appBaseUrl() });
    if (outcome.kind === "booked") {
      await nudgeDelivery();
      return { ok: true, data: { kind: "booked", managePath: `/manage/${manageToken(outcome.appointment.id)}?new=1`, status: outcome.appointment.status } };
    }
    return { ok: true, data: outcome };
  } catch (err) {
    if (err instanceof DomainError) return actionErrorOf(err);
    throw err;
  }
}

/** Public, gated by the offer's link: "No thanks" — the time goes to the next person; they stay on the list. */
export async function declineOfferAction(input: z.input<typeof OfferTokenSchema>): Promise<ActionResult<OfferAnswer>> {
  const parsed = OfferTokenSchema.safeParse(input);
  if (!parsed.success) return actionError("not_found", "waitlist_offer");
  if (await limited("manage")) return actionError("rate_limited");
  try {
    return { ok: true, data: await declineOffer(getDb(), parsed.data.token) };
  } catch (err) {
    if (err instanceof DomainError) return actionErrorOf(err);
    throw err;
  }
}

/** Public, gated by the offer's link: off the waitlist (no more offers). */
export async function leaveByOfferAction(input: z.input<typeof OfferTokenSchema>): Promise<ActionResult<{ kind: "left" | "gone" }>> {
  const parsed = OfferTokenSchema.safeParse(input);
  if (!parsed.success) return actionError("not_found", "waitlist_offer");
  if (await limited("manage")) return actionError("rate_limited");
  try {
    return { ok: true, data: await leaveByOffer(getDb(), parsed.data.token) };
  } catch (err) {
    if (err instanceof DomainError) return actionErrorOf(err);
    throw err;
  }
}

markPublicAction(joinWaitlistAction);
markPublicAction(leaveByOfferAction);
markPublicAction(joinWaitlistByLinkAction);
markPublicAction(acceptOfferAction);
markPublicAction(declineOfferAction);
