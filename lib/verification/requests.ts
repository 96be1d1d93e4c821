import "server-only";
import { and, eq, isNotNull, lte, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { appointments, emailChallenges, patients } from "@/db/schema";
import { transitionAppointment, type Actor } from "@/lib/appointments/commands";
import { sendPortalInvite } from "@/lib/accounts/links";
import { recordAuditEvent } from "@/lib/audit";
import { factsOf, loadAppointmentDetails } from "@/lib/booking/facts";
import { joinRecordAndRoute, type JoinedRequest } from "@/lib/booking/join";
import { DomainError } from "@/lib/errors";
import { enqueueEmail } from "@/lib/notifications/outbox";
import { verifyRequestEmail } from "@/lib/notifications/templates";
import { emergencyAdvice } from "@/lib/triage/red-flags";
import { checkChallenge, issueChallenge, linkTokenOf, verifyMinutes, type CodeCheck } from "./challenges";

/**
 * Online requests from someone who is not signed in stand on their own (a provisional patient, no case,
 * no flags on anyone's record) until the sender proves they control the email: a code, the link in the
 * email, or the desk on the phone. Verification joins the request to the patient with that email and
 * date of birth (or makes the provisional record a real one) and routes it with the whole record in view.
 */

/** The code email for a request just held; called in the booking transaction. */
export async function sendRequestChallenge(tx: Tx, input: { appointmentId: string; email: string; baseUrl: string; now: Date; emergency: boolean }) {
  const challenge = await issueChallenge(tx, { email: input.email, appointmentId: input.appointmentId, now: input.now });
  const details = (await loadAppointmentDetails(tx, input.appointmentId))!;
  const facts = factsOf(details, input.baseUrl);
  await enqueueEmail(tx, {
    kind: "verify_request",
    to: input.email,
    content: verifyRequestEmail(facts, {
      code: challenge.code,
      link: `${input.baseUrl}/verify/${linkTokenOf(challenge.id)}`,
      minutes: verifyMinutes(),
      emergencyAdvice: input.emergency ? emergencyAdvice(facts.emergencyNumber) : undefined,
    }),
    appointmentId: input.appointmentId,
    dedupeKey: `verify_request:${challenge.id}`,
  });
  return challenge;
}

export type VerifyOutcome =
  ({ kind: "verified"; appointmentId: string; patientId: string } & JoinedRequest) | { kind: "wrong_code"; attemptsLeft: number } | { kind: "expired" } | { kind: "not_pending" };

async function lockPending(tx: Tx, appointmentId: string) {
  const [a] = await tx
    .select({ id: appointments.id, status: appointments.status, patientId: appointments.patientId, expiresAt: appointments.verificationExpiresAt })
    .from(appointments)
    .where(eq(appointments.id, appointmentId))
    .for("update");
  return a && a.status === "requested" && a.expiresAt ? a : null;
}

/**
 * The sender proved the address (code or link), or the desk verified them by phone (`actor`, optionally
 * linking the request to a patient they chose). Joins the record and routes.
 */
async function completeVerification(
  tx: Tx,
  input: { appointmentId: string; patientId: string; via: "code" | "link" | "desk"; actor: Actor | null; linkToPatientId?: string | null; baseUrl: string; now: Date },
): Promise<VerifyOutcome> {
  const [provisional] = await tx.select().from(patients).where(eq(patients.id, input.patientId));
  if (!provisional) return { kind: "not_pending" };
  let patientId = provisional.id;
  if (input.linkToPatientId) {
    const [chosen] = await tx
      .select({ id: patients.id })
      .from(patients)
      .where(and(eq(patients.id, input.linkToPatientId), eq(patients.isProvisional, false)));
    if (!chosen) throw new DomainError("invalid", "choose_patient", { fields: { patientId: "choose_patient" } });
    patientId = chosen.id;
  } else if (input.linkToPatientId === undefined) {
    // The verified address and the date of birth find the patient (a family sharing an email has one record each).
    const [existing] = await tx
      .select({ id: patients.id })
      .from(patients)
      .where(
        and(
          eq(sql`lower(${patients.email})`, provisional.email.toLowerCase()),
          provisional.dateOfBirth ? eq(patients.dateOfBirth, provisional.dateOfBirth) : sql`false`,
          eq(patients.isProvisional, false),
        ),
      )
      .orderBy(patients.createdAt)
      .limit(1);
    if (existing) patientId = existing.id;
  }
  if (patientId !== provisional.id) {
    await tx.update(appointments).set({ patientId }).where(eq(appointments.id, input.appointmentId));
    await tx.update(patients).set({ mergedIntoPatientId: patientId }).where(eq(patients.id, provisional.id));
  } else {
    await tx.update(patients).set({ isProvisional: false }).where(eq(patients.id, provisional.id));
  }
  await tx.update(appointments).set({ verificationExpiresAt: null }).where(eq(appointments.id, input.appointmentId));
  if (input.via === "desk" && input.actor) {
    await tx
      .update(emailChallenges)
      .set({ verifiedAt: sql`now()`, verifiedBy: input.actor.id })
      .where(eq(emailChallenges.appointmentId, input.appointmentId));
  }
  await recordAuditEvent(tx, {
    actor: input.actor,
    action: "appointment.verified",
    patientId,
    entityType: "appointment",
    entityId: input.appointmentId,
    details: { via: input.via, joinedExisting: patientId !== provisional.id },
  });
  const joined = await joinRecordAndRoute(tx, { appointmentId: input.appointmentId, actor: input.actor, baseUrl: input.baseUrl, now: input.now });
  // The address is proved: its owner may have portal access (a no-op when they have an account). A desk
  // verification checked the caller, not the address, so the desk sends the invitation from the patient page.
  if (input.via !== "desk") await sendPortalInvite(tx, { patientId, actor: null });
  return { kind: "verified", appointmentId: input.appointmentId, patientId, ...joined };
}

/** The requester types the code (manage page or API) or opens the link. Five wrong codes end the request. */
export async function verifyRequestByCode(db: Db, input: { appointmentId: string; code: string | null; viaLinkChallengeId?: string; baseUrl: string; now?: Date }): Promise<VerifyOutcome> {
  const now = input.now ?? new Date();
  // A wrong code must count even though the request is not verified: the count commits on its own.
  return db.transaction(async (tx) => {
    const pending = await lockPending(tx, input.appointmentId);
    if (!pending) return { kind: "not_pending" } as const;
    const [challenge] = await tx
      .select({ id: emailChallenges.id })
      .from(emailChallenges)
      .where(and(eq(emailChallenges.appointmentId, pending.id), input.viaLinkChallengeId ? eq(emailChallenges.id, input.viaLinkChallengeId) : sql`true`))
      .orderBy(sql`${emailChallenges.createdAt} desc`)
      .limit(1);
    if (!challenge) return { kind: "not_pending" } as const;
    const check: CodeCheck = await checkChallenge(tx, { challengeId: challenge.id, code: input.code, viaLink: Boolean(input.viaLinkChallengeId), now });
    if (check.kind === "ok")
      return completeVerification(tx, { appointmentId: pending.id, patientId: pending.patientId, via: input.viaLinkChallengeId ? "link" : "code", actor: null, baseUrl: input.baseUrl, now });
    if (check.kind === "wrong") return { kind: "wrong_code", attemptsLeft: check.attemptsLeft } as const;
    // Expired, or the fifth wrong code: the request ends and its time is free again.
    await transitionAppointment(tx, { appointmentId: pending.id, move: "expire", actor: null, reason: check.kind === "exhausted" ? "verification_failed" : "verification_expired" });
    return { kind: "expired" } as const;
  });
}

/** The desk verified the caller by phone; `linkToPatientId` links the request to a patient they chose (null: as a new patient). */
export async function verifyRequestByDesk(tx: Tx, input: { appointmentId: string; actor: Actor; linkToPatientId: string | null; baseUrl: string; now?: Date }): Promise<VerifyOutcome> {
  const pending = await lockPending(tx, input.appointmentId);
  if (!pending) throw new DomainError("invalid", "not_awaiting_verification");
  return completeVerification(tx, {
    appointmentId: pending.id,
    patientId: pending.patientId,
    via: "desk",
    actor: input.actor,
    linkToPatientId: input.linkToPatientId,
    baseUrl: input.baseUrl,
    now: input.now ?? new Date(),
  });
}

/**
 * The pg-boss sweep: requests whose hold ran out free their time (cancelled as expired) and write
 * nothing else. Each in its own transaction; the lifecycle locks the row, so two instances sweeping at
 * once expire each request once.
 */
export async function expireOverdueRequests(db: Db, now: Date = new Date()): Promise<number> {
  const due = await db
    .select({ id: appointments.id })
    .from(appointments)
    .where(and(isNotNull(appointments.verificationExpiresAt), lte(appointments.verificationExpiresAt, now), eq(appointments.status, "requested")))
    .limit(500);
  let expired = 0;
  for (const { id } of due) {
    const done = await db.transaction(async (tx) => {
      const pending = await lockPending(tx, id);
      if (!pending || pending.expiresAt!.getTime() > now.getTime()) return false;
      await transitionAppointment(tx, { appointmentId: id, move: "expire", actor: null, reason: "verification_expired" });
      return true;
    });
    if (done) expired += 1;
  }
  return expired;
}
