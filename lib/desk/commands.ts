import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { appointments, cases } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth";
import { recordAuditEvent } from "@/lib/audit";
import { getFreeSlots } from "@/lib/availability";
import { factsOf, loadAppointmentDetails, type AppointmentDetails } from "@/lib/booking/facts";
import { changeCaseStatus } from "@/lib/cases/commands";
import type { Discipline } from "@/lib/clinic/disciplines";
import { DomainError } from "@/lib/errors";
import { enqueueEmail } from "@/lib/notifications/outbox";
import { confirmedEmail, declinedEmail, proposalEmail } from "@/lib/notifications/templates";
import { addDaysIso, formatDateTime } from "@/lib/time";
import { SELF_BOOKING_BLOCKED_BY_RED_FLAGS } from "@/lib/triage/red-flags";

/** The front desk's decisions on requests and visits. Each: lock, check, change, email, audit. */

async function lockAppointment(tx: Tx, appointmentId: string): Promise<AppointmentDetails & { caseId: string | null; proposedStartsAt: Date | null }> {
  const [row] = await tx.select({ caseId: appointments.caseId, proposedStartsAt: appointments.proposedStartsAt }).from(appointments).where(eq(appointments.id, appointmentId)).for("update");
  const details = row ? await loadAppointmentDetails(tx, appointmentId) : null;
  if (!row || !details) throw new DomainError("not_found", "That appointment does not exist.");
  return { ...details, ...row };
}

/** Massage and chiropractic wait for a clinician to clear red flags before they are confirmed. */
async function assertClearedForHandsOn(tx: Tx, caseId: string | null, discipline: Discipline) {
  if (!caseId || !(SELF_BOOKING_BLOCKED_BY_RED_FLAGS as readonly Discipline[]).includes(discipline)) return;
  const [c] = await tx.select({ hasRedFlags: cases.hasRedFlags, cleared: cases.redFlagsClearedAt }).from(cases).where(eq(cases.id, caseId));
  if (c?.hasRedFlags && !c.cleared) throw new DomainError("red_flags", "This patient reported red flags: a spine physician must clear them before massage or chiropractic is confirmed. Send it to clinician review.");
}

export async function confirmRequest(tx: Tx, appointmentId: string, actor: CurrentUser, baseUrl: string) {
  const a = await lockAppointment(tx, appointmentId);
  if (a.status !== "requested") throw new DomainError("invalid", `Only a request can be confirmed; this one is ${a.status}.`);
  await assertClearedForHandsOn(tx, a.caseId, a.discipline);
  await tx.update(appointments).set({ status: "confirmed", updatedAt: sql`now()` }).where(eq(appointments.id, a.id));
  if (a.caseId) {
    const [c] = await tx.select({ status: cases.status }).from(cases).where(eq(cases.id, a.caseId));
    if (c?.status === "new") await changeCaseStatus(tx, a.caseId, "triaged", actor, { via: "confirmation" });
  }
  await enqueueEmail(tx, { kind: "confirmed", to: a.patientEmail, content: confirmedEmail(factsOf({ ...a, status: "confirmed" }, baseUrl)), appointmentId: a.id, dedupeKey: `confirmed:${a.id}:${a.startsAt.toISOString()}` });
  await recordAuditEvent(tx, { actor, action: "appointment.confirmed", patientId: a.patientId, caseId: a.caseId, entityType: "appointment", entityId: a.id });
}

export async function declineRequest(tx: Tx, appointmentId: string, reason: string, actor: CurrentUser, baseUrl: string) {
  const a = await lockAppointment(tx, appointmentId);
  if (a.status !== "requested") throw new DomainError("invalid", `Only a request can be declined; this one is ${a.status}.`);
  await tx.update(appointments).set({ status: "cancelled", cancelledBy: "clinic", statusReason: reason, updatedAt: sql`now()` }).where(eq(appointments.id, a.id));
  await enqueueEmail(tx, { kind: "declined", to: a.patientEmail, content: declinedEmail(factsOf(a, baseUrl), reason), appointmentId: a.id, dedupeKey: `declined:${a.id}` });
  await recordAuditEvent(tx, { actor, action: "appointment.declined", patientId: a.patientId, caseId: a.caseId, entityType: "appointment", entityId: a.id });
}

/** Red flags or doubts: the request goes to the clinicians' queue as awaiting review. */
export async function sendToReview(tx: Tx, appointmentId: string, actor: CurrentUser) {
  const a = await lockAppointment(tx, appointmentId);
  if (!a.caseId) throw new DomainError("invalid", "This request has no case to review.");
  await tx.update(cases).set({ awaitingReview: true, updatedAt: sql`now()` }).where(eq(cases.id, a.caseId));
  const [c] = await tx.select({ status: cases.status }).from(cases).where(eq(cases.id, a.caseId));
  if (c?.status === "new") await changeCaseStatus(tx, a.caseId, "triaged", actor, { via: "sent_to_review" });
  await recordAuditEvent(tx, { actor, action: "appointment.sent_to_review", patientId: a.patientId, caseId: a.caseId, entityType: "appointment", entityId: a.id });
}

/** Propose another free time of the same practitioner; the patient accepts through the manage link. */
export async function proposeTime(db: Db, appointmentId: string, start: Date, actor: CurrentUser, baseUrl: string) {
  const before = await loadAppointmentDetails(db, appointmentId);
  if (!before) throw new DomainError("not_found", "That appointment does not exist.");
  if (before.status !== "requested" && before.status !== "confirmed") throw new DomainError("invalid", "Only an open appointment can be moved.");
  const day = start.toISOString().slice(0, 10);
  const free = await getFreeSlots(db, { serviceSlug: before.serviceSlug, practitionerId: before.practitionerId, from: addDaysIso(day, -1), to: addDaysIso(day, 1), ignoreAppointmentId: before.id, now: new Date() });
  if (!free.slots.some((s) => s.start.getTime() === start.getTime())) {
    throw new DomainError("slot_unavailable", "That time is not free for this practitioner.", { start: "Choose a free time (see the calendar)" });
  }
  await db.transaction(async (tx) => {
    await tx.update(appointments).set({ proposedStartsAt: start, updatedAt: sql`now()` }).where(eq(appointments.id, before.id));
    await enqueueEmail(tx, { kind: "proposal", to: before.patientEmail, content: proposalEmail(factsOf(before, baseUrl), formatDateTime(start, before.timeZone)), appointmentId: before.id, dedupeKey: null });
    await recordAuditEvent(tx, { actor, action: "appointment.time_proposed", patientId: before.patientId, entityType: "appointment", entityId: before.id, details: { proposed: start.toISOString() } });
  });
}

export async function markVisit(tx: Tx, appointmentId: string, mark: "arrived" | "completed" | "no_show", actor: CurrentUser) {
  const a = await lockAppointment(tx, appointmentId);
  if (a.status !== "confirmed" && !(mark === "completed" && a.status === "requested")) throw new DomainError("invalid", `This appointment is ${a.status}.`);
  // A request seen straight away (a walk-in) may be marked completed, but not around the red-flag rule.
  if (a.status === "requested") await assertClearedForHandsOn(tx, a.caseId, a.discipline);
  if (mark === "arrived") await tx.update(appointments).set({ arrivedAt: sql`now()`, updatedAt: sql`now()` }).where(eq(appointments.id, a.id));
  else await tx.update(appointments).set({ status: mark, updatedAt: sql`now()` }).where(and(eq(appointments.id, a.id)));
  if (mark === "completed" && a.caseId) {
    const [c] = await tx.select({ status: cases.status }).from(cases).where(eq(cases.id, a.caseId));
    if (c && (c.status === "new" || c.status === "triaged")) await changeCaseStatus(tx, a.caseId, "in_care", actor, { via: "visit_completed" });
  }
  await recordAuditEvent(tx, { actor, action: `appointment.${mark}`, patientId: a.patientId, caseId: a.caseId, entityType: "appointment", entityId: a.id });
}
