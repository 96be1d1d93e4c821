import "server-only";
import { and, eq, gt, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { appointments, cases, intakes, locations, patients, services } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit";
import type { AuditAction } from "@/lib/audit/actions";
import type { Role } from "@/lib/auth/roles";
import { changeCaseStatus } from "@/lib/cases/commands";
import type { Discipline } from "@/lib/clinic/disciplines";
import { DomainError } from "@/lib/errors";
import { loadBlockers, lockPatientFlags } from "@/lib/red-flags/flags";
import { whoCanClear } from "@/lib/red-flags/policy";
import { localDate } from "@/lib/time";
import { assessAge } from "@/lib/triage/age";
import { RED_FLAGS, asRedFlagCodes } from "@/lib/triage/red-flags";
import { CANCEL_REASON_SIDE, isLateCancellation, type CancelReason } from "./cancellation";
import { decideAppointmentMove, type AppointmentMove, type Blocker, type HoldReason } from "./transitions";
import type { AppointmentStatus } from "./status";
import { appointmentWindow, type ServiceTiming } from "./window";
import { assignRoom } from "@/lib/rooms/assign";

export interface Actor {
  id: string;
  role: Role;
  discipline?: Discipline | null;
}

export interface TransitionInput {
  appointmentId: string;
  move: AppointmentMove;
  /** Who asks: null for a patient acting through a manage link or the public booking. */
  actor: Actor | null;
  /** reschedule and accept_proposal: the new start (the service's duration and buffers apply). */
  start?: Date;
  /** cancel and decline: the reason given (decline: sent to the patient). */
  reason?: string;
  /** cancel: who cancelled. With a cancelReason, the reason's side decides. */
  cancelledBy?: "patient" | "clinic";
  /** cancel by the clinic: the reason as a code (stored; its side decides whether the cancellation is late). */
  cancelReason?: CancelReason;
  /** reschedule by the clinic: another practitioner offering the service. A move: the location they work at then. */
  practitionerId?: string;
  locationId?: string;
  /** The moment the change happens (tests); decides whether a cancellation is late. */
  now?: Date;
  /** Extra audit details (ids and codes only). */
  context?: Record<string, unknown>;
}

export interface TransitionOutcome {
  from: AppointmentStatus;
  to: AppointmentStatus;
  /** Why a move that could have confirmed left the appointment a request. */
  heldBecause: HoldReason[];
  /** The patient's uncleared flags that block this hands-on appointment (empty when none or not hands-on). */
  blockers: Blocker[];
  patientId: string;
  caseId: string | null;
}

// Typed against the audit catalog, so every move's event has words on the audit screens.
const AUDIT_ACTION: Record<AppointmentMove, AuditAction> = {
  route: "appointment.confirmed",
  confirm: "appointment.confirmed",
  accept_proposal: "appointment.proposal_accepted",
  reschedule: "appointment.rescheduled",
  hold_for_review: "appointment.held_for_review",
  arrive: "appointment.arrived",
  complete: "appointment.completed",
  no_show: "appointment.no_show",
  cancel: "appointment.cancelled",
  decline: "appointment.declined",
  expire: "appointment.expired",
};

/** The hands-on gate's refusal, naming the flags and who can clear each ("move": a desk move that would unconfirm). */
export function handsOnGateError(blockers: readonly Blocker[], key: "default" | "move" = "default"): DomainError {
  return new DomainError("hands_on_gate", key, { params: { flags: blockerList(blockers) } });
}

/** Which flags block a hands-on appointment and who can clear each (the words of the hands_on_gate error). */
function blockerList(blockers: readonly Blocker[]): string {
  return blockers.map((b) => `“${RED_FLAGS.find((f) => f.code === b.code)!.question}” (${whoCanClear(b.priority)} can clear it)`).join("; ");
}

/**
 * The one function that changes an appointment's status (see transitions.ts for the moves). Locks the
 * row, reads the facts the guards need — the service's hands-on mark, the patient's uncleared flags
 * (through the same SQL function the database backstop uses), the patient's age — decides, writes the
 * status with the move's own columns, keeps the case in step, and writes the audit event, all in the
 * caller's transaction. Emails are the caller's: each path words its own.
 */
export async function transitionAppointment(tx: Tx, input: TransitionInput): Promise<TransitionOutcome> {
  const [row] = await tx
    .select({
      status: appointments.status,
      patientId: appointments.patientId,
      practitionerId: appointments.practitionerId,
      serviceId: appointments.serviceId,
      locationId: appointments.locationId,
      roomId: appointments.roomId,
      caseId: appointments.caseId,
      startsAt: appointments.startsAt,
      createdAt: appointments.createdAt,
      isHandsOn: services.isHandsOn,
      needsReview: services.needsReview,
      durationMinutes: services.durationMinutes,
      bufferBeforeMinutes: services.bufferBeforeMinutes,
      bufferAfterMinutes: services.bufferAfterMinutes,
      dateOfBirth: patients.dateOfBirth,
      timeZone: locations.timeZone,
      requestFlags: intakes.redFlags,
      cancellationCutoffHours: services.cancellationCutoffHours,
      verificationExpiresAt: appointments.verificationExpiresAt,
    })
    .from(appointments)
    .innerJoin(services, eq(services.id, appointments.serviceId))
    .innerJoin(patients, eq(patients.id, appointments.patientId))
    .innerJoin(locations, eq(locations.id, appointments.locationId))
    .leftJoin(intakes, eq(intakes.appointmentId, appointments.id))
    .where(eq(appointments.id, input.appointmentId))
    .for("update", { of: appointments });
  if (!row) throw new DomainError("not_found", "appointment");

  let blockers: Blocker[] = [];
  if (row.isHandsOn) {
    await lockPatientFlags(tx, row.patientId);
    blockers = await loadBlockers(tx, row.patientId, input.appointmentId);
  }
  const requestFlags = asRedFlagCodes(row.requestFlags ?? []);
  const age = assessAge(row.dateOfBirth, localDate(row.createdAt, row.timeZone), requestFlags);
  const decision = decideAppointmentMove(row.status, input.move, {
    isHandsOn: row.isHandsOn,
    needsReview: row.needsReview,
    requestFlags,
    blockers,
    isMinor: age?.isMinor ?? false,
    awaitingVerification: row.verificationExpiresAt !== null,
  });
  if (!decision.ok) {
    if (decision.code === "hands_on_gate") throw handsOnGateError(decision.blockers);
    if (decision.code === "unverified") throw new DomainError("unverified");
    throw new DomainError("invalid_transition", "appointment", { params: { status: row.status } });
  }

  const moves = input.move === "reschedule" || input.move === "accept_proposal";
  if (moves && !input.start) throw new DomainError("invalid", "new_time");
  const timing: ServiceTiming = { durationMinutes: row.durationMinutes, bufferBeforeMinutes: row.bufferBeforeMinutes, bufferAfterMinutes: row.bufferAfterMinutes };
  const changed = decision.to !== row.status || moves || input.move === "arrive";
  // Who cancelled: a clinic reason's side when the desk gives one (the patient called: the patient's side).
  const cancelledBy = input.cancelReason ? CANCEL_REASON_SIDE[input.cancelReason] : (input.cancelledBy ?? "patient");
  const cancelledLate = input.move === "cancel" && isLateCancellation({ side: cancelledBy, startsAt: row.startsAt, cutoffHours: row.cancellationCutoffHours, now: input.now ?? new Date() });
  // A move takes a room at the new time and place (its own room when still free): the one rule for every path that moves.
  let roomId: string | null | undefined;
  if (moves) {
    const window = appointmentWindow(timing, input.start!);
    roomId = await assignRoom(tx, {
      serviceId: row.serviceId,
      locationId: input.locationId ?? row.locationId,
      blockedFrom: window.blockedFrom,
      blockedUntil: window.blockedUntil,
      ignoreAppointmentId: input.appointmentId,
      preferRoomId: row.roomId,
    });
  }
  if (changed) {
    await tx
      .update(appointments)
      .set({
        status: decision.to,
        ...(moves ? { ...appointmentWindow(timing, input.start!), roomId, proposedStartsAt: null } : {}),
        ...(moves && input.practitionerId ? { practitionerId: input.practitionerId } : {}),
        ...(moves && input.locationId ? { locationId: input.locationId } : {}),
        ...(input.move === "cancel" ? { cancelledBy, cancelReason: input.cancelReason ?? null, cancelledLate, statusReason: input.reason || null, proposedStartsAt: null } : {}),
        ...(input.move === "decline" ? { cancelledBy: "clinic", statusReason: input.reason || null, proposedStartsAt: null } : {}),
        ...(input.move === "expire" ? { cancelledBy: "system", statusReason: input.reason ?? "verification_expired", proposedStartsAt: null, verificationExpiresAt: null } : {}),
        ...(input.move === "arrive" ? { arrivedAt: sql`now()` } : {}),
        updatedAt: sql`now()`,
      })
      .where(and(eq(appointments.id, input.appointmentId), eq(appointments.status, row.status)));
  }

  if (row.caseId && input.actor && (input.move === "confirm" || input.move === "complete")) {
    const [c] = await tx.select({ status: cases.status }).from(cases).where(eq(cases.id, row.caseId));
    if (input.move === "confirm" && c?.status === "new") await changeCaseStatus(tx, row.caseId, "triaged", input.actor, { via: "confirmation" });
    if (input.move === "complete" && (c?.status === "new" || c?.status === "triaged")) await changeCaseStatus(tx, row.caseId, "in_care", input.actor, { via: "visit_completed" });
  }

  if (changed && !(input.move === "route" && decision.to === "requested")) {
    await recordAuditEvent(tx, {
      actor: input.actor,
      action: AUDIT_ACTION[input.move],
      patientId: row.patientId,
      caseId: row.caseId,
      entityType: "appointment",
      entityId: input.appointmentId,
      details: {
        from: row.status,
        to: decision.to,
        ...(input.move === "route" ? { via: "booking" } : {}),
        ...(moves ? { fromStart: row.startsAt.toISOString(), toStart: input.start!.toISOString() } : {}),
        ...(moves && input.practitionerId && input.practitionerId !== row.practitionerId ? { fromPractitioner: row.practitionerId, toPractitioner: input.practitionerId } : {}),
        ...(input.move === "cancel" ? { by: input.actor?.role ?? "manage_link", side: cancelledBy, late: cancelledLate, ...(input.cancelReason ? { reason: input.cancelReason } : {}) } : {}),
        ...(decision.heldBecause.length ? { heldBecause: decision.heldBecause } : {}),
        ...(decision.heldBecause.includes("hands_on_gate") ? { blockers: blockers.map((b) => b.code) } : {}),
        ...input.context,
      },
    });
  }
  return { from: row.status, to: decision.to, heldBecause: decision.heldBecause, blockers: row.isHandsOn ? blockers : [], patientId: row.patientId, caseId: row.caseId };
}

/**
 * New red flags put the patient's upcoming confirmed hands-on visits back to requests for a clinician
 * to review (nothing is cancelled). Returns the appointments held.
 */
export async function holdHandsOnVisitsForReview(tx: Tx, input: { patientId: string; actor: Actor | null; now: Date; exceptAppointmentId?: string }): Promise<string[]> {
  const upcoming = await tx
    .select({ id: appointments.id })
    .from(appointments)
    .innerJoin(services, eq(services.id, appointments.serviceId))
    .where(and(eq(appointments.patientId, input.patientId), eq(appointments.status, "confirmed"), eq(services.isHandsOn, true), gt(appointments.startsAt, input.now)));
  const held: string[] = [];
  for (const { id } of upcoming) {
    if (id === input.exceptAppointmentId) continue;
    const outcome = await transitionAppointment(tx, { appointmentId: id, move: "hold_for_review", actor: input.actor });
    if (outcome.to === "requested") held.push(id);
  }
  return held;
}
