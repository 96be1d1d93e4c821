import "server-only";
import { and, desc, eq, ne, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { cases, patients, referrals } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth";
import { recordAuditEvent } from "@/lib/audit";
import { DomainError } from "@/lib/errors";
import type { ReferralStatus } from "./kinds";

/** Outgoing referrals move forward only: sent → accepted → seen → closed (closing is allowed any time). */
const NEXT: Record<ReferralStatus, readonly ReferralStatus[]> = {
  received: ["closed"],
  sent: ["accepted", "seen", "closed"],
  accepted: ["seen", "closed"],
  seen: ["closed"],
  closed: [],
};
export const nextReferralStatuses = (s: ReferralStatus) => NEXT[s];

/** An incoming referral joins the patient's open case, or opens one (status new, awaiting triage). */
export async function receiveReferral(
  tx: Tx,
  input: { patientId: string; patientName: string; patientEmail: string; patientDateOfBirth: string; specialty: string; counterpart: string; reason: string; letterText: string },
  actor: CurrentUser,
) {
  let patientId = input.patientId;
  if (patientId) {
    const [p] = await tx.select({ id: patients.id }).from(patients).where(eq(patients.id, patientId));
    if (!p) throw new DomainError("invalid", "referral_patient", { fields: { patientId: "referral_patient" } });
  } else {
    const [existing] = await tx
      .select({ id: patients.id })
      .from(patients)
      .where(and(eq(sql`lower(${patients.email})`, input.patientEmail.toLowerCase()), eq(patients.dateOfBirth, input.patientDateOfBirth)))
      .limit(1);
    patientId =
      existing?.id ??
      (await tx.insert(patients).values({ fullName: input.patientName, email: input.patientEmail.toLowerCase(), dateOfBirth: input.patientDateOfBirth }).returning({ id: patients.id }))[0]!.id;
  }
  const [open] = await tx
    .select()
    .from(cases)
    .where(and(eq(cases.patientId, patientId), ne(cases.status, "discharged")))
    .orderBy(desc(cases.openedAt))
    .limit(1);
  let caseId = open?.id;
  if (!caseId) {
    const [p] = await tx.select({ fullName: patients.fullName, email: patients.email }).from(patients).where(eq(patients.id, patientId));
    caseId = (
      await tx
        .insert(cases)
        .values({ patientId, searchText: `${p!.fullName} ${p!.email}`.toLowerCase(), triageReasons: [{ code: "referral", specialty: input.specialty }] })
        .returning({ id: cases.id })
    )[0]!.id;
  }
  const [ref] = await tx
    .insert(referrals)
    .values({
      caseId,
      direction: "incoming",
      specialty: input.specialty as never,
      counterpart: input.counterpart,
      reason: input.reason,
      letterText: input.letterText,
      status: "received",
      createdBy: actor.id,
    })
    .returning({ id: referrals.id });
  await recordAuditEvent(tx, { actor, action: "referral.received", patientId, caseId, entityType: "referral", entityId: ref!.id, details: { specialty: input.specialty, joined: Boolean(open) } });
  return { caseId, referralId: ref!.id, joined: Boolean(open) };
}

export async function sendReferral(tx: Tx, input: { caseId: string; specialty: string; counterpart: string; reason: string; letterText: string }, actor: CurrentUser) {
  const [c] = await tx.select({ patientId: cases.patientId }).from(cases).where(eq(cases.id, input.caseId));
  if (!c) throw new DomainError("not_found", "case");
  const [ref] = await tx
    .insert(referrals)
    .values({
      caseId: input.caseId,
      direction: "outgoing",
      specialty: input.specialty as never,
      counterpart: input.counterpart,
      reason: input.reason,
      letterText: input.letterText,
      status: "sent",
      createdBy: actor.id,
    })
    .returning({ id: referrals.id });
  await recordAuditEvent(tx, { actor, action: "referral.sent", patientId: c.patientId, caseId: input.caseId, entityType: "referral", entityId: ref!.id, details: { specialty: input.specialty } });
  return ref!.id;
}

export async function updateReferralStatus(tx: Tx, referralId: string, status: ReferralStatus, actor: CurrentUser) {
  const [ref] = await tx.select().from(referrals).where(eq(referrals.id, referralId)).for("update");
  if (!ref) throw new DomainError("not_found", "referral");
  if (!NEXT[ref.status].includes(status)) throw new DomainError("invalid_transition", "referral", { params: { from: ref.status, to: status } });
  await tx
    .update(referrals)
    .set({ status, updatedAt: sql`now()` })
    .where(eq(referrals.id, referralId));
  const [c] = await tx.select({ patientId: cases.patientId }).from(cases).where(eq(cases.id, ref.caseId));
  await recordAuditEvent(tx, {
    actor,
    action: "referral.status_changed",
    patientId: c?.patientId,
    caseId: ref.caseId,
    entityType: "referral",
    entityId: referralId,
    details: { from: ref.status, to: status },
  });
  return ref.caseId;
}
