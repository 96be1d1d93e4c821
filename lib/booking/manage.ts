import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { PG, pgErrorCode } from "@/db/errors";
import { appointments } from "@/db/schema";
import type { CancelReason } from "@/lib/appointments/cancellation";
import { handsOnGateError, transitionAppointment, type Actor as LifecycleActor } from "@/lib/appointments/commands";
import { getFreeSlots, type Slot } from "@/lib/availability";
import { nearestSlots } from "@/lib/availability/engine";
import { enqueueEmail } from "@/lib/notifications/outbox";
import { cancelledEmail, changedEmail } from "@/lib/notifications/templates";
import { verifySignedId } from "@/lib/secrets";
import { addDaysIso } from "@/lib/time";
import { MANAGE_PURPOSE, factsOf, loadAppointmentDetails, type AppointmentDetails } from "./facts";
import { locationOf } from "./create";
import { lockPractitionerCalendar } from "./lock";

const HOUR = 3_600_000;

export type ManageState =
  | { kind: "open"; details: AppointmentDetails; canChange: true; cutoffAt: Date }
  | { kind: "past_cutoff"; details: AppointmentDetails; canChange: false; cutoffAt: Date }
  | { kind: "cancelled"; details: AppointmentDetails; canChange: false }
  | { kind: "over"; details: AppointmentDetails; canChange: false };

/**
 * What a manage link may still do. Links stop working once the appointment is over; a cancelled
 * appointment can no longer be moved; inside the service's cutoff (default 24 h) changes go through the
 * front desk.
 */
export function manageStateOf(details: AppointmentDetails, now: Date): ManageState {
  if (details.endsAt.getTime() <= now.getTime() || details.status === "completed" || details.status === "no_show") return { kind: "over", details, canChange: false };
  if (details.status === "cancelled") return { kind: "cancelled", details, canChange: false };
  const cutoffAt = new Date(details.startsAt.getTime() - details.cancellationCutoffHours * HOUR);
  if (now.getTime() >= cutoffAt.getTime()) return { kind: "past_cutoff", details, canChange: false, cutoffAt };
  return { kind: "open", details, canChange: true, cutoffAt };
}

/** The appointment behind a manage token, or null when the token is not genuine or the link is dead. */
export async function resolveManageToken(db: Db, token: string, now: Date = new Date()): Promise<Exclude<ManageState, { kind: "over" }> | null> {
  const id = verifySignedId(MANAGE_PURPOSE, token);
  if (!id) return null;
  const details = await loadAppointmentDetails(db, id);
  if (!details) return null;
  const state = manageStateOf(details, now);
  if (state.kind === "over") return null;
  return state;
}

export type ChangeOutcome =
  | { kind: "done"; details: AppointmentDetails }
  | { kind: "not_allowed"; reason: "cancelled" | "past_cutoff" | "gone" }
  /** `because: "room"`: the practitioner is free then, but no room of the kind the service needs is. */
  | { kind: "slot_taken" | "slot_unavailable"; alternatives: Slot[]; timeZone: string; because?: "room" };

interface Actor {
  actor: LifecycleActor | null;
  baseUrl: string;
  now?: Date;
}

/**
 * Cancels an open appointment and emails the patient. The patient (manage link) is held to the cutoff;
 * the desk is not (enforceCutoff: false) and gives a reason code, whose side decides whether the
 * cancellation is recorded as late (transitionAppointment).
 */
export async function cancelAppointment(db: Db, input: { appointmentId: string; reason: string; enforceCutoff: boolean; cancelReason?: CancelReason } & Actor): Promise<ChangeOutcome> {
  const now = input.now ?? new Date();
  return db.transaction(async (tx) => {
    const [locked] = await tx.select({ id: appointments.id }).from(appointments).where(eq(appointments.id, input.appointmentId)).for("update");
    const details = locked ? await loadAppointmentDetails(tx, input.appointmentId) : null;
    if (!details) return { kind: "not_allowed", reason: "gone" } as const;
    const state = manageStateOf(details, now);
    if (state.kind === "over") return { kind: "not_allowed", reason: "gone" } as const;
    if (state.kind === "cancelled") return { kind: "not_allowed", reason: "cancelled" } as const;
    if (state.kind === "past_cutoff" && input.enforceCutoff) return { kind: "not_allowed", reason: "past_cutoff" } as const;
    await transitionAppointment(tx, {
      appointmentId: details.id,
      move: "cancel",
      actor: input.actor,
      reason: input.reason,
      cancelReason: input.cancelReason,
      cancelledBy: input.actor && input.actor.role !== "patient" ? "clinic" : "patient",
      now,
    });
    const after = (await loadAppointmentDetails(tx, details.id))!;
    await enqueueEmail(tx, { kind: "cancelled", to: after.patientEmail, content: cancelledEmail(factsOf(after, input.baseUrl)), appointmentId: after.id, dedupeKey: `cancelled:${after.id}` });
    return { kind: "done", details: after } as const;
  });
}

/**
 * Moves an open appointment to a free time (the slots engine's answer, then the exclusion constraint as
 * the arbiter) and emails the patient. The desk may move it to another practitioner offering the service
 * (intake and case stay with the appointment) and refuses a move that would take a confirmed hands-on
 * visit back to a request (`keepConfirmed`): the hands-on gate's words come back, nothing changes.
 */
export async function rescheduleAppointment(
  db: Db,
  input: {
    appointmentId: string;
    start: Date;
    enforceCutoff: boolean;
    /** accept_proposal: the desk's time. */
    move?: "reschedule" | "accept_proposal";
    /** The desk: another practitioner offering the same service. */
    practitionerId?: string;
    /** The desk: refuse rather than unconfirm a confirmed visit the hands-on gate would hold. */
    keepConfirmed?: boolean;
    /** Extra audit details (codes only), e.g. the desk's reason. */
    context?: Record<string, unknown>;
  } & Actor,
): Promise<ChangeOutcome> {
  const now = input.now ?? new Date();
  const before = await loadAppointmentDetails(db, input.appointmentId);
  if (!before) return { kind: "not_allowed", reason: "gone" };
  const state = manageStateOf(before, now);
  if (state.kind === "over") return { kind: "not_allowed", reason: "gone" };
  if (state.kind === "cancelled") return { kind: "not_allowed", reason: "cancelled" };
  if (state.kind === "past_cutoff" && input.enforceCutoff) return { kind: "not_allowed", reason: "past_cutoff" };

  const practitionerId = input.practitionerId ?? before.practitionerId;
  const day = input.start.toISOString().slice(0, 10);
  // The target practitioner's free times (none when they do not offer the service), this appointment's own time counted free.
  const around = await getFreeSlots(db, { serviceSlug: before.serviceSlug, practitionerId, from: addDaysIso(day, -1), to: addDaysIso(day, 7), now, ignoreAppointmentId: before.id });
  if (!around.service) return { kind: "not_allowed", reason: "gone" };
  const alternatives = () => nearestSlots(around.slots, input.start, 3);
  if (!around.slots.some((s) => s.start.getTime() === input.start.getTime() && s.practitionerId === practitionerId)) {
    return {
      kind: around.isWithinHours(practitionerId, input.start) ? "slot_taken" : "slot_unavailable",
      alternatives: alternatives(),
      timeZone: around.timeZone,
      ...(around.onlyRoomsTaken(practitionerId, input.start) ? { because: "room" as const } : {}),
    };
  }
  try {
    return await db.transaction(async (tx) => {
      // Both calendars, in a fixed order, so two desk moves between the same pair never deadlock.
      for (const id of [...new Set([before.practitionerId, practitionerId])].sort()) await lockPractitionerCalendar(tx, id);
      const [current] = await tx.select({ status: appointments.status }).from(appointments).where(eq(appointments.id, before.id));
      if (current?.status !== "requested" && current?.status !== "confirmed") return { kind: "not_allowed", reason: "cancelled" } as const;
      const changesPractitioner = practitionerId !== before.practitionerId;
      const outcome = await transitionAppointment(tx, {
        appointmentId: before.id,
        move: input.move ?? "reschedule",
        actor: input.actor,
        start: input.start,
        // Where they work at the new time (a practitioner with hours at two locations may move between them).
        locationId: await locationOf(tx, practitionerId, input.start),
        ...(changesPractitioner ? { practitionerId } : {}),
        context: input.context,
      });
      // Thrown inside the transaction: the move is rolled back with it.
      if (input.keepConfirmed && outcome.from === "confirmed" && outcome.to !== "confirmed") throw handsOnGateError(outcome.blockers, "move");
      const after = (await loadAppointmentDetails(tx, before.id))!;
      await enqueueEmail(tx, {
        kind: "changed",
        to: after.patientEmail,
        content: changedEmail(factsOf(after, input.baseUrl)),
        appointmentId: after.id,
        dedupeKey: null,
      });
      return { kind: "done", details: after } as const;
    });
  } catch (err) {
    if (pgErrorCode(err) === PG.exclusionViolation) return { kind: "slot_taken", alternatives: alternatives().filter((s) => s.start.getTime() !== input.start.getTime()), timeZone: around.timeZone };
    throw err;
  }
}

/**
 * The patient accepts the time the front desk proposed: the appointment moves there (the clinic chose
 * it, so the online cutoff does not apply) and is confirmed — unless the hands-on gate or a minor's
 * rule keeps it a request (the lifecycle's accept_proposal move decides).
 */
export async function acceptProposal(db: Db, input: { appointmentId: string; baseUrl: string; now?: Date }): Promise<ChangeOutcome> {
  const details = await loadAppointmentDetails(db, input.appointmentId);
  if (!details?.proposedStartsAt) return { kind: "not_allowed", reason: "gone" };
  return rescheduleAppointment(db, { appointmentId: details.id, start: details.proposedStartsAt, enforceCutoff: false, move: "accept_proposal", actor: null, baseUrl: input.baseUrl, now: input.now });
}
