import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { appointments, cases } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth";
import { transitionAppointment } from "@/lib/appointments/commands";
import { recordAuditEvent } from "@/lib/audit";
import { getFreeSlots } from "@/lib/availability";
import { factsOf, loadAppointmentDetails, type AppointmentDetails } from "@/lib/booking/facts";
import { cancelAppointment, rescheduleAppointment, type ChangeOutcome } from "@/lib/booking/manage";
import { canStaffChangeAppointment } from "@/lib/appointments/policy";
import type { CancelReason } from "@/lib/appointments/cancellation";
import { changeCaseStatus } from "@/lib/cases/commands";
import { DomainError } from "@/lib/errors";
import { enqueueEmail } from "@/lib/notifications/outbox";
import { confirmedEmail, declinedEmail, proposalEmail } from "@/lib/notifications/templates";
import { addDaysIso, formatDateTime } from "@/lib/time";

/**
 * The front desk's decisions on requests and visits. Status changes go through the appointment
 * lifecycle (transitionAppointment: the guards, the hands-on gate and the audit event); these add the
 * email each decision sends.
 */

async function detailsOf(tx: Tx, appointmentId: string): Promise<AppointmentDetails> {
  const details = await loadAppointmentDetails(tx, appointmentId);
  if (!details) throw new DomainError("not_found", "appointment");
  return details;
}

export async function confirmRequest(tx: Tx, appointmentId: string, actor: CurrentUser, baseUrl: string) {
  await transitionAppointment(tx, { appointmentId, move: "confirm", actor });
  const a = await detailsOf(tx, appointmentId);
  await enqueueEmail(tx, { kind: "confirmed", to: a.patientEmail, content: confirmedEmail(factsOf(a, baseUrl)), appointmentId: a.id, dedupeKey: `confirmed:${a.id}:${a.startsAt.toISOString()}` });
}

export async function declineRequest(tx: Tx, appointmentId: string, reason: string, actor: CurrentUser, baseUrl: string) {
  await transitionAppointment(tx, { appointmentId, move: "decline", actor, reason });
  const a = await detailsOf(tx, appointmentId);
  await enqueueEmail(tx, { kind: "declined", to: a.patientEmail, content: declinedEmail(factsOf(a, baseUrl), reason), appointmentId: a.id, dedupeKey: `declined:${a.id}` });
}

/** Red flags or doubts: the request goes to the clinicians' queue as awaiting review. */
export async function sendToReview(tx: Tx, appointmentId: string, actor: CurrentUser) {
  const [a] = await tx.select({ caseId: appointments.caseId, patientId: appointments.patientId }).from(appointments).where(eq(appointments.id, appointmentId)).for("update");
  if (!a) throw new DomainError("not_found", "appointment");
  if (!a.caseId) throw new DomainError("invalid", "no_case_to_review");
  await tx
    .update(cases)
    .set({ awaitingReview: true, updatedAt: sql`now()` })
    .where(eq(cases.id, a.caseId));
  const [c] = await tx.select({ status: cases.status }).from(cases).where(eq(cases.id, a.caseId));
  if (c?.status === "new") await changeCaseStatus(tx, a.caseId, "triaged", actor, { via: "sent_to_review" });
  await recordAuditEvent(tx, { actor, action: "appointment.sent_to_review", patientId: a.patientId, caseId: a.caseId, entityType: "appointment", entityId: appointmentId });
}

/** Propose another free time of the same practitioner; the patient accepts through the manage link. */
export async function proposeTime(db: Db, appointmentId: string, start: Date, actor: CurrentUser, baseUrl: string) {
  const before = await loadAppointmentDetails(db, appointmentId);
  if (!before) throw new DomainError("not_found", "appointment");
  if (before.status !== "requested" && before.status !== "confirmed") throw new DomainError("invalid", "not_open");
  const day = start.toISOString().slice(0, 10);
  const free = await getFreeSlots(db, {
    serviceSlug: before.serviceSlug,
    practitionerId: before.practitionerId,
    from: addDaysIso(day, -1),
    to: addDaysIso(day, 1),
    ignoreAppointmentId: before.id,
    now: new Date(),
  });
  if (!free.slots.some((s) => s.start.getTime() === start.getTime())) {
    throw new DomainError("slot_unavailable", "desk", { fields: { start: "free_time" } });
  }
  await db.transaction(async (tx) => {
    // Not a status change: the proposal waits for the patient (acceptProposal moves it through the lifecycle).
    await tx
      .update(appointments)
      .set({ proposedStartsAt: start, updatedAt: sql`now()` })
      .where(eq(appointments.id, before.id));
    await enqueueEmail(tx, {
      kind: "proposal",
      to: before.patientEmail,
      content: proposalEmail(factsOf(before, baseUrl), formatDateTime(start, before.timeZone)),
      appointmentId: before.id,
      dedupeKey: null,
    });
    await recordAuditEvent(tx, { actor, action: "appointment.time_proposed", patientId: before.patientId, entityType: "appointment", entityId: before.id, details: { proposed: start.toISOString() } });
  });
}

const MARK_MOVE = { arrived: "arrive", completed: "complete", no_show: "no_show" } as const;

/** Arrived, completed (a walk-in request too, never around the hands-on gate) or no-show. */
export async function markVisit(tx: Tx, appointmentId: string, mark: "arrived" | "completed" | "no_show", actor: CurrentUser) {
  await transitionAppointment(tx, { appointmentId, move: MARK_MOVE[mark], actor });
}

async function upcomingForStaff(db: Db, appointmentId: string, actor: Pick<CurrentUser, "role">, now: Date): Promise<AppointmentDetails> {
  const details = await loadAppointmentDetails(db, appointmentId);
  if (!details) throw new DomainError("not_found", "appointment");
  if (!canStaffChangeAppointment(actor, details, now)) throw new DomainError("invalid", "not_upcoming");
  return details;
}

/** A refusal of the booking engine in the desk's words. */
function refusalOf(outcome: Exclude<ChangeOutcome, { kind: "done" }>): DomainError {
  if (outcome.kind === "not_allowed") return outcome.reason === "gone" ? new DomainError("not_found", "appointment") : new DomainError("invalid", "not_upcoming");
  return new DomainError(outcome.kind, "desk", { fields: { start: "free_time" } });
}

/**
 * The desk cancels an upcoming appointment — inside the patient's cutoff too — with a reason code and an
 * optional note. The reason's side decides whether it is recorded as a late cancellation (the patient
 * called: late inside the cutoff; practitioner ill, clinic closed...: never). The patient is emailed; the
 * audit event and the case timeline carry who and why.
 */
export async function staffCancelAppointment(
  db: Db,
  input: { appointmentId: string; reason: CancelReason; note: string; actor: CurrentUser; baseUrl: string; now?: Date },
): Promise<AppointmentDetails> {
  const now = input.now ?? new Date();
  await upcomingForStaff(db, input.appointmentId, input.actor, now);
  const outcome = await cancelAppointment(db, {
    appointmentId: input.appointmentId,
    reason: input.note,
    cancelReason: input.reason,
    enforceCutoff: false,
    actor: input.actor,
    baseUrl: input.baseUrl,
    now,
  });
  if (outcome.kind !== "done") throw refusalOf(outcome);
  return outcome.details;
}

/**
 * The desk moves an upcoming appointment to a free time, of the same or another practitioner offering the
 * service — the engine patients use (free-time check, exclusion constraint, the lifecycle's reschedule
 * move), without the cutoff. A confirmed hands-on visit the gate would hold is refused, not unconfirmed.
 * Returns the conflict (with the nearest free times) when the time is no longer free.
 */
export async function staffMoveAppointment(
  db: Db,
  input: { appointmentId: string; practitionerId: string; start: Date; reason: CancelReason; actor: CurrentUser; baseUrl: string; now?: Date },
): Promise<ChangeOutcome> {
  const now = input.now ?? new Date();
  await upcomingForStaff(db, input.appointmentId, input.actor, now);
  const outcome = await rescheduleAppointment(db, {
    appointmentId: input.appointmentId,
    start: input.start,
    practitionerId: input.practitionerId,
    enforceCutoff: false,
    keepConfirmed: true,
    actor: input.actor,
    baseUrl: input.baseUrl,
    now,
    context: { reason: input.reason },
  });
  if (outcome.kind === "not_allowed") throw refusalOf(outcome);
  return outcome;
}
