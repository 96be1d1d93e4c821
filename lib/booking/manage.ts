import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { PG, pgErrorCode } from "@/db/errors";
import { appointments } from "@/db/schema";
import { appointmentWindow } from "@/lib/appointments/window";
import { recordAuditEvent } from "@/lib/audit";
import type { Role } from "@/lib/auth/roles";
import { getFreeSlots, type Slot } from "@/lib/availability";
import { nearestSlots } from "@/lib/availability/engine";
import { enqueueEmail } from "@/lib/notifications/outbox";
import { cancelledEmail, changedEmail } from "@/lib/notifications/templates";
import { verifySignedId } from "@/lib/secrets";
import { addDaysIso } from "@/lib/time";
import { triageBooking } from "@/lib/triage/booking";
import { asRedFlagCodes } from "@/lib/triage/red-flags";
import { MANAGE_PURPOSE, factsOf, loadAppointmentDetails, type AppointmentDetails } from "./facts";
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
  | { kind: "slot_taken" | "slot_unavailable"; alternatives: Slot[]; timeZone: string };

interface Actor {
  actor: { id: string; role: Role } | null;
  baseUrl: string;
  now?: Date;
}

export async function cancelAppointment(db: Db, input: { appointmentId: string; reason: string; enforceCutoff: boolean } & Actor): Promise<ChangeOutcome> {
  const now = input.now ?? new Date();
  return db.transaction(async (tx) => {
    const [locked] = await tx.select({ id: appointments.id }).from(appointments).where(eq(appointments.id, input.appointmentId)).for("update");
    const details = locked ? await loadAppointmentDetails(tx, input.appointmentId) : null;
    if (!details) return { kind: "not_allowed", reason: "gone" } as const;
    const state = manageStateOf(details, now);
    if (state.kind === "over") return { kind: "not_allowed", reason: "gone" } as const;
    if (state.kind === "cancelled") return { kind: "not_allowed", reason: "cancelled" } as const;
    if (state.kind === "past_cutoff" && input.enforceCutoff) return { kind: "not_allowed", reason: "past_cutoff" } as const;
    await tx
      .update(appointments)
      .set({ status: "cancelled", statusReason: input.reason || null, updatedAt: sql`now()` })
      .where(and(eq(appointments.id, details.id), inArray(appointments.status, ["requested", "confirmed"])));
    const after = (await loadAppointmentDetails(tx, details.id))!;
    await enqueueEmail(tx, { kind: "cancelled", to: after.patientEmail, content: cancelledEmail(factsOf(after, input.baseUrl)), appointmentId: after.id, dedupeKey: `cancelled:${after.id}` });
    await recordAuditEvent(tx, { actor: input.actor, action: "appointment.cancelled", patientId: after.patientId, entityType: "appointment", entityId: after.id, details: { by: input.actor?.role ?? "manage_link" } });
    return { kind: "done", details: after } as const;
  });
}

export async function rescheduleAppointment(db: Db, input: { appointmentId: string; start: Date; enforceCutoff: boolean } & Actor): Promise<ChangeOutcome> {
  const now = input.now ?? new Date();
  const before = await loadAppointmentDetails(db, input.appointmentId);
  if (!before) return { kind: "not_allowed", reason: "gone" };
  const state = manageStateOf(before, now);
  if (state.kind === "over") return { kind: "not_allowed", reason: "gone" };
  if (state.kind === "cancelled") return { kind: "not_allowed", reason: "cancelled" };
  if (state.kind === "past_cutoff" && input.enforceCutoff) return { kind: "not_allowed", reason: "past_cutoff" };

  const day = input.start.toISOString().slice(0, 10);
  const around = await getFreeSlots(db, { serviceSlug: before.serviceSlug, practitionerId: before.practitionerId, from: addDaysIso(day, -1), to: addDaysIso(day, 7), now, ignoreAppointmentId: before.id });
  if (!around.service) return { kind: "not_allowed", reason: "gone" };
  const service = around.service;
  const alternatives = () => nearestSlots(around.slots, input.start, 3);
  if (!around.slots.some((s) => s.start.getTime() === input.start.getTime())) {
    return { kind: around.isWithinHours(before.practitionerId, input.start) ? "slot_taken" : "slot_unavailable", alternatives: alternatives(), timeZone: around.timeZone };
  }
  const status = triageBooking({ redFlags: asRedFlagCodes(before.redFlags ?? []), service }).initialStatus;
  try {
    return await db.transaction(async (tx) => {
      await lockPractitionerCalendar(tx, before.practitionerId);
      const updated = await tx
        .update(appointments)
        .set({ ...appointmentWindow(service, input.start), status: before.status === "requested" ? "requested" : status, updatedAt: sql`now()` })
        .where(and(eq(appointments.id, before.id), inArray(appointments.status, ["requested", "confirmed"])))
        .returning({ id: appointments.id });
      if (!updated.length) return { kind: "not_allowed", reason: "cancelled" } as const;
      const after = (await loadAppointmentDetails(tx, before.id))!;
      await enqueueEmail(tx, {
        kind: "changed",
        to: after.patientEmail,
        content: changedEmail(factsOf(after, input.baseUrl)),
        appointmentId: after.id,
        dedupeKey: null,
      });
      await recordAuditEvent(tx, {
        actor: input.actor,
        action: "appointment.rescheduled",
        patientId: after.patientId,
        entityType: "appointment",
        entityId: after.id,
        details: { from: before.startsAt.toISOString(), to: after.startsAt.toISOString(), by: input.actor?.role ?? "manage_link" },
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
 * it, so the online cutoff does not apply) and is confirmed.
 */
export async function acceptProposal(db: Db, input: { appointmentId: string; baseUrl: string; now?: Date }): Promise<ChangeOutcome> {
  const details = await loadAppointmentDetails(db, input.appointmentId);
  if (!details?.proposedStartsAt) return { kind: "not_allowed", reason: "gone" };
  const moved = await rescheduleAppointment(db, { appointmentId: details.id, start: details.proposedStartsAt, enforceCutoff: false, actor: null, baseUrl: input.baseUrl, now: input.now });
  if (moved.kind !== "done") return moved;
  await db
    .update(appointments)
    .set({ status: "confirmed", proposedStartsAt: null, updatedAt: sql`now()` })
    .where(and(eq(appointments.id, details.id), inArray(appointments.status, ["requested", "confirmed"])));
  return { kind: "done", details: (await loadAppointmentDetails(db, details.id))! };
}
