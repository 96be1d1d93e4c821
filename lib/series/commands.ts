import "server-only";
import { and, asc, eq, gt, gte, inArray, isNull } from "drizzle-orm";
import type { CancelReason } from "@/lib/appointments/cancellation";
import type { ZodType } from "zod";
import { schemaFields } from "@/lib/actions/result";
import type { Db } from "@/db/client";
import { PG, pgErrorCode } from "@/db/errors";
import { appointments, appointmentSeries, cases } from "@/db/schema";
import { transitionAppointment, type Actor } from "@/lib/appointments/commands";
import { appointmentWindow } from "@/lib/appointments/window";
import { recordAuditEvent } from "@/lib/audit";
import { getFreeSlots, BOOKING_HORIZON_DAYS, type Slot } from "@/lib/availability";
import { locationOf } from "@/lib/booking/create";
import { lockPractitionerCalendar } from "@/lib/booking/lock";
import { practitionerTimeZone } from "@/lib/clinic/context";
import { DomainError } from "@/lib/errors";
import { assignRoom } from "@/lib/rooms/assign";
import { factsOf, loadAppointmentDetails } from "@/lib/booking/facts";
import { enqueueEmail } from "@/lib/notifications/outbox";
import { seriesBookedEmail, seriesCancelledEmail } from "@/lib/notifications/templates";
import { addDaysIso, localDate } from "@/lib/time";
import { checkOccurrences, seriesOccurrences, type CheckedOccurrence } from "./plan";
import { canBookSeries, canSeeRecallList } from "./policy";
import { BookSeriesSchema, SeriesPatternSchema, type BookSeriesInput, type SeriesPatternInput } from "./schemas";

/**
 * Plans of care booked as a series (issue 13, groundwork): check every occurrence against the engine,
 * then book the chosen times in ONE transaction — the exclusion constraints stay the arbiters, and a lost
 * race reports which times failed with nothing written. Each visit is routed through the lifecycle (the
 * hands-on gate and review rules apply to every one).
 */

function parseOrThrow<T>(schema: ZodType<T>, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new DomainError("invalid", "default", { fields: schemaFields(parsed.error) });
  return parsed.data;
}

async function caseOf(db: Db, caseId: string) {
  const [c] = await db.select({ id: cases.id, patientId: cases.patientId }).from(cases).where(eq(cases.id, caseId));
  if (!c) throw new DomainError("not_found", "case");
  return c;
}

/** Every occurrence of the pattern, free or taken (with the nearest free times that week). */
export async function checkSeries(db: Db, raw: SeriesPatternInput, viewer: Actor, now: Date = new Date()): Promise<{ timeZone: string; occurrences: CheckedOccurrence[] }> {
  if (!canBookSeries(viewer)) throw new DomainError("forbidden");
  const input = parseOrThrow(SeriesPatternSchema, raw);
  await caseOf(db, input.caseId);
  const timeZone = await practitionerTimeZone(db, input.practitionerId);
  const occurrences = seriesOccurrences({ ...input, timeZone });
  if (!occurrences.length) throw new DomainError("invalid", "default", { fields: { weekdays: { text: "Choose at least one day of the week" } } });
  const last = occurrences.at(-1)!.date;
  if (last > addDaysIso(localDate(now, timeZone), BOOKING_HORIZON_DAYS)) {
    throw new DomainError("invalid", "default", {
      fields: { count: { text: `The last visit (${last}) is past the booking horizon (${BOOKING_HORIZON_DAYS} days): book fewer visits or start sooner` } },
    });
  }
  const free = await getFreeSlots(db, { serviceSlug: input.service, practitionerId: input.practitionerId, from: occurrences[0]!.date, to: last, now });
  if (!free.service) throw new DomainError("unknown_service");
  return { timeZone, occurrences: checkOccurrences(occurrences, free.slots, (d) => localDate(d, timeZone)) };
}

export type BookSeriesOutcome = { kind: "booked"; seriesId: string; appointmentIds: string[] } | { kind: "conflict"; failed: Array<{ start: Date; alternatives: Slot[] }> };

class SeriesRaceLost extends Error {
  constructor(readonly starts: Date[]) {
    super("series race lost");
  }
}

/** Books the chosen times of a series for the case's patient, all or nothing. */
export async function bookSeries(db: Db, raw: BookSeriesInput, actor: Actor & { id: string }, options: { baseUrl: string; now?: Date }): Promise<BookSeriesOutcome> {
  const now = options.now ?? new Date();
  if (!canBookSeries(actor)) throw new DomainError("forbidden");
  const input = parseOrThrow(BookSeriesSchema, raw);
  const theCase = await caseOf(db, input.caseId);
  const timeZone = await practitionerTimeZone(db, input.practitionerId);
  const starts = input.starts.map((s) => new Date(s)).sort((a, b) => a.getTime() - b.getTime());
  const days = starts.map((s) => localDate(s, timeZone));
  const free = await getFreeSlots(db, { serviceSlug: input.service, practitionerId: input.practitionerId, from: addDaysIso(days[0]!, -1), to: addDaysIso(days.at(-1)!, 7), now });
  const service = free.service;
  if (!service) throw new DomainError("unknown_service");
  const offered = new Set(free.slots.map((s) => s.start.getTime()));
  const alternativesFor = (start: Date) => checkOccurrences([{ date: localDate(start, timeZone), start }], free.slots, (d) => localDate(d, timeZone))[0]!.alternatives;
  const notFree = starts.filter((s) => !offered.has(s.getTime()));
  if (notFree.length) return { kind: "conflict", failed: notFree.map((start) => ({ start, alternatives: alternativesFor(start) })) };

  try {
    return await db.transaction(async (tx) => {
      const [series] = await tx
        .insert(appointmentSeries)
        .values({
          caseId: theCase.id,
          patientId: theCase.patientId,
          practitionerId: input.practitionerId,
          serviceId: service.id,
          weekdays: input.weekdays,
          localTime: input.time,
          startsOn: input.startsOn,
          // The plan's count: a date skipped because it was taken is still a visit the plan calls for.
          visits: Math.max(input.count, starts.length),
          createdByUserId: actor.id,
        })
        .returning({ id: appointmentSeries.id });
      await lockPractitionerCalendar(tx, input.practitionerId);
      const created: string[] = [];
      const lost: Date[] = [];
      for (const start of starts) {
        const window = appointmentWindow(service, start);
        const locationId = await locationOf(tx, input.practitionerId, start);
        const roomId = await assignRoom(tx, { serviceId: service.id, locationId, blockedFrom: window.blockedFrom, blockedUntil: window.blockedUntil });
        try {
          // A savepoint per visit: a lost race is noted and the others still checked, then all rolled back.
          const [row] = await tx.transaction((sp) =>
            sp
              .insert(appointments)
              .values({
                patientId: theCase.patientId,
                practitionerId: input.practitionerId,
                serviceId: service.id,
                locationId,
                roomId,
                caseId: theCase.id,
                seriesId: series!.id,
                ...appointmentWindow(service, start),
              })
              .returning({ id: appointments.id }),
          );
          created.push(row!.id);
        } catch (err) {
          if (pgErrorCode(err) !== PG.exclusionViolation) throw err;
          lost.push(start);
        }
      }
      if (lost.length) throw new SeriesRaceLost(lost);
      for (const appointmentId of created) await transitionAppointment(tx, { appointmentId, move: "route", actor, context: { seriesId: series!.id } });
      await recordAuditEvent(tx, {
        actor,
        action: "series.booked",
        patientId: theCase.patientId,
        caseId: theCase.id,
        entityType: "appointment_series",
        entityId: series!.id,
        details: { visits: created.length, practitionerId: input.practitionerId, service: service.slug },
      });
      // One email for the whole plan (each visit keeps its own manage link).
      const first = (await loadAppointmentDetails(tx, created[0]!))!;
      await enqueueEmail(tx, {
        kind: "series",
        to: first.patientEmail,
        content: seriesBookedEmail(factsOf(first, options.baseUrl), starts),
        appointmentId: first.id,
        dedupeKey: `series:${series!.id}`,
      });
      return { kind: "booked" as const, seriesId: series!.id, appointmentIds: created };
    });
  } catch (err) {
    if (err instanceof SeriesRaceLost)
      return { kind: "conflict", failed: err.starts.map((start) => ({ start, alternatives: alternativesFor(start).filter((s) => !err.starts.some((l) => l.getTime() === s.start.getTime())) })) };
    throw err;
  }
}

/**
 * The desk cancels the rest of a plan from one visit on (that visit and every later open one of its
 * series), in one transaction, each through the lifecycle's cancel with the reason; one email names them.
 */
export async function cancelRestOfSeries(
  db: Db,
  input: { appointmentId: string; reason: CancelReason; note: string; actor: Actor & { id: string }; baseUrl: string; now?: Date },
): Promise<{ cancelled: number }> {
  if (input.actor.role !== "staff" && input.actor.role !== "admin") throw new DomainError("forbidden");
  const now = input.now ?? new Date();
  return db.transaction(async (tx) => {
    const [from] = await tx.select({ seriesId: appointments.seriesId, startsAt: appointments.startsAt }).from(appointments).where(eq(appointments.id, input.appointmentId)).for("update");
    if (!from) throw new DomainError("not_found", "appointment");
    if (!from.seriesId) throw new DomainError("invalid", "not_upcoming");
    const rest = await tx
      .select({ id: appointments.id, startsAt: appointments.startsAt })
      .from(appointments)
      .where(and(eq(appointments.seriesId, from.seriesId), inArray(appointments.status, ["requested", "confirmed"]), gte(appointments.startsAt, from.startsAt), gt(appointments.startsAt, now)))
      .orderBy(asc(appointments.startsAt))
      .for("update");
    if (!rest.length) throw new DomainError("invalid", "not_upcoming");
    for (const visit of rest) {
      await transitionAppointment(tx, { appointmentId: visit.id, move: "cancel", actor: input.actor, reason: input.note, cancelReason: input.reason, now, context: { seriesId: from.seriesId } });
    }
    // Stopped on purpose: the plan leaves the recall list.
    await tx.update(appointmentSeries).set({ endedAt: now, endedReason: input.reason }).where(eq(appointmentSeries.id, from.seriesId));
    const first = (await loadAppointmentDetails(tx, rest[0]!.id))!;
    await enqueueEmail(tx, {
      kind: "series_cancelled",
      to: first.patientEmail,
      content: seriesCancelledEmail(
        factsOf(first, input.baseUrl),
        rest.map((r) => r.startsAt),
      ),
      appointmentId: first.id,
      dedupeKey: `series-cancelled:${from.seriesId}:${rest[0]!.id}`,
    });
    await recordAuditEvent(tx, {
      actor: input.actor,
      action: "series.rest_cancelled",
      patientId: first.patientId,
      caseId: first.caseId,
      entityType: "appointment_series",
      entityId: from.seriesId,
      details: { visits: rest.length, reason: input.reason },
    });
    return { cancelled: rest.length };
  });
}

/** The desk stops a plan on purpose (the patient finished early, moved away, …): it leaves the recall list. Audited. */
export async function endSeries(db: Db, input: { seriesId: string; reason: CancelReason; actor: Actor & { id: string }; now?: Date }): Promise<void> {
  if (!canSeeRecallList(input.actor)) throw new DomainError("forbidden");
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(appointmentSeries)
      .set({ endedAt: input.now ?? new Date(), endedReason: input.reason })
      .where(and(eq(appointmentSeries.id, input.seriesId), isNull(appointmentSeries.endedAt)))
      .returning({ patientId: appointmentSeries.patientId, caseId: appointmentSeries.caseId });
    if (!row) throw new DomainError("not_found", "series");
    await recordAuditEvent(tx, {
      actor: input.actor,
      action: "series.ended",
      patientId: row.patientId,
      caseId: row.caseId,
      entityType: "appointment_series",
      entityId: input.seriesId,
      details: { reason: input.reason },
    });
  });
}
