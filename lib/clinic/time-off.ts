import "server-only";
import { randomUUID } from "node:crypto";
import { and, asc, eq, gt, gte, inArray, isNotNull, isNull, lt, sql } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db/client";
import { appointments, locationClosures, locations, timeOff } from "@/db/schema";
import { appointmentRows } from "@/lib/appointments/joined";
import { recordAuditEvent } from "@/lib/audit";
import { DomainError } from "@/lib/errors";
import { schemaFields } from "@/lib/actions/result";
import { addDaysIso, formatInZone, isoWeekday, localDate, zonedInstant } from "@/lib/time";
import { canManageClinic } from "./commands";
import { practitionerTimeZone } from "./context";
import { RecurringTimeOffSchema } from "./schemas";
import type { z } from "zod";
import type { CurrentUser } from "@/lib/auth";

/**
 * Time off (one practitioner) and closures (a whole location). Adding either never cancels anything:
 * appointments already inside are listed for the desk to move, and free times stop being offered.
 */
type Actor = Pick<CurrentUser, "id" | "role">;

const ACTIVE = ["requested", "confirmed"] as const;

/** Booked appointments inside a window, for one practitioner or everyone at a location. */
export async function appointmentsInside(db: DbOrTx, input: { practitionerId?: string; locationId?: string; startsAt: Date; endsAt: Date }) {
  const who = input.practitionerId ? eq(appointments.practitionerId, input.practitionerId) : eq(appointments.locationId, input.locationId!);
  return appointmentRows(db)
    .where(and(who, inArray(appointments.status, [...ACTIVE]), lt(appointments.startsAt, input.endsAt), gt(appointments.endsAt, input.startsAt)))
    .orderBy(asc(appointments.startsAt));
}

/** "2026-12-24T09:00" on the practitioner's location's clock → the instant. */
const instantOf = (local: string, timeZone: string) => zonedInstant(local.slice(0, 10), local.slice(11, 16), timeZone);

export async function addTimeOff(tx: Tx, input: { actor: Actor; practitionerId: string; from: string; to: string; reason: string }) {
  if (!canManageClinic(input.actor)) throw new DomainError("forbidden");
  const timeZone = await practitionerTimeZone(tx, input.practitionerId);
  const startsAt = instantOf(input.from, timeZone);
  const endsAt = instantOf(input.to, timeZone);
  if (endsAt <= startsAt) throw new DomainError("invalid", "default", { fields: { to: "end_after_start" } });
  const [row] = await tx.insert(timeOff).values({ practitionerId: input.practitionerId, startsAt, endsAt, reason: input.reason }).returning({ id: timeOff.id });
  const inside = await appointmentsInside(tx, { practitionerId: input.practitionerId, startsAt, endsAt });
  await recordAuditEvent(tx, {
    actor: input.actor,
    action: "time_off.added",
    entityType: "practitioner",
    entityId: input.practitionerId,
    details: { timeOffId: row!.id, appointmentsInside: inside.length },
  });
  return { id: row!.id, inside };
}

export async function removeTimeOff(tx: Tx, input: { actor: Actor; id: string }) {
  if (!canManageClinic(input.actor)) throw new DomainError("forbidden");
  const [row] = await tx.delete(timeOff).where(eq(timeOff.id, input.id)).returning({ practitionerId: timeOff.practitionerId });
  if (!row) throw new DomainError("not_found");
  await recordAuditEvent(tx, { actor: input.actor, action: "time_off.removed", entityType: "practitioner", entityId: row.practitionerId, details: { timeOffId: input.id } });
}

/** Booked appointments of the practitioner inside any occurrence of a series (ending after `from`). */
export async function appointmentsInsideSeries(db: DbOrTx, input: { practitionerId: string; seriesId: string; from?: Date }) {
  const from = input.from ?? new Date(0);
  return appointmentRows(db)
    .where(
      and(
        eq(appointments.practitionerId, input.practitionerId),
        inArray(appointments.status, [...ACTIVE]),
        sql`exists (select 1 from ${timeOff} t where t.series_id = ${input.seriesId} and t.ends_at > ${from.toISOString()}::timestamptz
          and t.starts_at < ${appointments.endsAt} and t.ends_at > ${appointments.startsAt})`,
      ),
    )
    .orderBy(asc(appointments.startsAt));
}

/**
 * Weekly time off ("every Friday 13:00–17:00 until June"): one time_off row per occurrence, sharing a
 * series id. Each occurrence is read on the practitioner's location's clock on its own date, so 13:00
 * stays 13:00 across a change to or from daylight saving time. Like one-off time off it cancels nothing:
 * booked appointments inside any occurrence are answered for the desk to move. The command checks the
 * shared schema itself, so a caller other than the form cannot write a bad series.
 */
export async function addRecurringTimeOff(tx: Tx, input: { actor: Actor } & z.input<typeof RecurringTimeOffSchema>) {
  if (!canManageClinic(input.actor)) throw new DomainError("forbidden");
  const { actor, ...raw } = input;
  const parsed = RecurringTimeOffSchema.safeParse(raw);
  if (!parsed.success) throw new DomainError("invalid", "default", { fields: schemaFields(parsed.error) });
  const v = parsed.data;
  const timeZone = await practitionerTimeZone(tx, v.practitionerId);
  const occurrences: Array<{ startsAt: Date; endsAt: Date }> = [];
  for (let day = v.fromDate; day <= v.untilDate; day = addDaysIso(day, 1)) {
    if (v.weekdays.includes(isoWeekday(day))) occurrences.push({ startsAt: zonedInstant(day, v.startTime, timeZone), endsAt: zonedInstant(day, v.endTime, timeZone) });
  }
  if (!occurrences.length) throw new DomainError("invalid", "default", { fields: { weekdays: "no_occurrences" } });
  const seriesId = randomUUID();
  await tx.insert(timeOff).values(occurrences.map((o) => ({ practitionerId: v.practitionerId, seriesId, reason: v.reason, ...o })));
  const inside = await appointmentsInsideSeries(tx, { practitionerId: v.practitionerId, seriesId });
  await recordAuditEvent(tx, {
    actor,
    action: "time_off.added",
    entityType: "practitioner",
    entityId: v.practitionerId,
    details: { seriesId, occurrences: occurrences.length, weekdays: v.weekdays, fromDate: v.fromDate, untilDate: v.untilDate, appointmentsInside: inside.length },
  });
  return { seriesId, occurrences: occurrences.length, inside };
}

/** Removes the occurrences of a series that have not begun yet; past (and current) ones stay on record. */
export async function removeTimeOffSeries(tx: Tx, input: { actor: Actor; seriesId: string; now?: Date }) {
  if (!canManageClinic(input.actor)) throw new DomainError("forbidden");
  const now = input.now ?? new Date();
  const [any] = await tx.select({ practitionerId: timeOff.practitionerId }).from(timeOff).where(eq(timeOff.seriesId, input.seriesId)).limit(1);
  if (!any) throw new DomainError("not_found", "time_off_series");
  const removed = await tx
    .delete(timeOff)
    .where(and(eq(timeOff.seriesId, input.seriesId), gt(timeOff.startsAt, now)))
    .returning({ id: timeOff.id });
  await recordAuditEvent(tx, {
    actor: input.actor,
    action: "time_off.removed",
    entityType: "practitioner",
    entityId: any.practitionerId,
    details: { seriesId: input.seriesId, occurrencesRemoved: removed.length },
  });
  return { removed: removed.length };
}

/** Whole days, first to last inclusive, on the location's own clock. */
export async function addClosure(tx: Tx, input: { actor: Actor; locationId: string; fromDate: string; toDate: string; reason: string }) {
  if (!canManageClinic(input.actor)) throw new DomainError("forbidden");
  const [location] = await tx.select().from(locations).where(eq(locations.id, input.locationId));
  if (!location) throw new DomainError("not_found", "location");
  if (input.toDate < input.fromDate) throw new DomainError("invalid", "default", { fields: { toDate: "end_after_start" } });
  const startsAt = zonedInstant(input.fromDate, "00:00", location.timeZone);
  const endsAt = zonedInstant(addDaysIso(input.toDate, 1), "00:00", location.timeZone);
  const [row] = await tx.insert(locationClosures).values({ locationId: location.id, startsAt, endsAt, reason: input.reason }).returning({ id: locationClosures.id });
  const inside = await appointmentsInside(tx, { locationId: location.id, startsAt, endsAt });
  await recordAuditEvent(tx, { actor: input.actor, action: "closure.added", entityType: "location", entityId: location.id, details: { closureId: row!.id, appointmentsInside: inside.length } });
  return { id: row!.id, inside };
}

export async function removeClosure(tx: Tx, input: { actor: Actor; id: string }) {
  if (!canManageClinic(input.actor)) throw new DomainError("forbidden");
  const [row] = await tx.delete(locationClosures).where(eq(locationClosures.id, input.id)).returning({ locationId: locationClosures.locationId });
  if (!row) throw new DomainError("not_found");
  await recordAuditEvent(tx, { actor: input.actor, action: "closure.removed", entityType: "location", entityId: row.locationId, details: { closureId: input.id } });
}

/** Upcoming one-off time off of a practitioner, each with the booked appointments still inside it. */
export async function listUpcomingTimeOff(db: DbOrTx, practitionerId: string, now: Date = new Date()) {
  const rows = await db
    .select()
    .from(timeOff)
    .where(and(eq(timeOff.practitionerId, practitionerId), isNull(timeOff.seriesId), gte(timeOff.endsAt, now)))
    .orderBy(asc(timeOff.startsAt));
  return Promise.all(rows.map(async (r) => ({ ...r, inside: await appointmentsInside(db, { practitionerId, startsAt: r.startsAt, endsAt: r.endsAt }) })));
}

/**
 * Upcoming weekly time off of a practitioner: one entry per series, described on the practitioner's clock
 * (weekdays, times, first and last upcoming date), with the booked appointments inside any upcoming
 * occurrence.
 */
export async function listUpcomingTimeOffSeries(db: DbOrTx, practitionerId: string, timeZone: string, now: Date = new Date()) {
  const rows = await db
    .select()
    .from(timeOff)
    .where(and(eq(timeOff.practitionerId, practitionerId), isNotNull(timeOff.seriesId), gte(timeOff.endsAt, now)))
    .orderBy(asc(timeOff.startsAt));
  const bySeries = new Map<string, typeof rows>();
  for (const r of rows) bySeries.set(r.seriesId!, [...(bySeries.get(r.seriesId!) ?? []), r]);
  return Promise.all(
    [...bySeries].map(async ([id, occurrences]) => {
      const first = occurrences[0]!;
      const last = occurrences[occurrences.length - 1]!;
      return {
        id,
        reason: first.reason,
        occurrences: occurrences.length,
        weekdays: [...new Set(occurrences.map((o) => isoWeekday(localDate(o.startsAt, timeZone))))].sort((a, b) => a - b),
        startTime: formatInZone(first.startsAt, timeZone, "HH:mm"),
        endTime: formatInZone(first.endsAt, timeZone, "HH:mm"),
        firstDate: localDate(first.startsAt, timeZone),
        lastDate: localDate(last.startsAt, timeZone),
        inside: await appointmentsInsideSeries(db, { practitionerId, seriesId: id, from: now }),
      };
    }),
  );
}

/** Upcoming closures of every location, each with the booked appointments still inside it. */
export async function listUpcomingClosures(db: DbOrTx, now: Date = new Date()) {
  const rows = await db.select().from(locationClosures).where(gte(locationClosures.endsAt, now)).orderBy(asc(locationClosures.startsAt));
  return Promise.all(rows.map(async (r) => ({ ...r, inside: await appointmentsInside(db, { locationId: r.locationId, startsAt: r.startsAt, endsAt: r.endsAt }) })));
}
