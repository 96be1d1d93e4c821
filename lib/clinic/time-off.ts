import "server-only";
import { and, asc, eq, gt, gte, inArray, lt } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db/client";
import { appointments, locationClosures, locations, timeOff } from "@/db/schema";
import { appointmentRows } from "@/lib/appointments/joined";
import { recordAuditEvent } from "@/lib/audit";
import { DomainError } from "@/lib/errors";
import { addDaysIso, zonedInstant } from "@/lib/time";
import { canManageClinic } from "./commands";
import { practitionerTimeZone } from "./context";
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

/** Upcoming time off of a practitioner, each with the booked appointments still inside it. */
export async function listUpcomingTimeOff(db: DbOrTx, practitionerId: string, now: Date = new Date()) {
  const rows = await db
    .select()
    .from(timeOff)
    .where(and(eq(timeOff.practitionerId, practitionerId), gte(timeOff.endsAt, now)))
    .orderBy(asc(timeOff.startsAt));
  return Promise.all(rows.map(async (r) => ({ ...r, inside: await appointmentsInside(db, { practitionerId, startsAt: r.startsAt, endsAt: r.endsAt }) })));
}

/** Upcoming closures of every location, each with the booked appointments still inside it. */
export async function listUpcomingClosures(db: DbOrTx, now: Date = new Date()) {
  const rows = await db.select().from(locationClosures).where(gte(locationClosures.endsAt, now)).orderBy(asc(locationClosures.startsAt));
  return Promise.all(rows.map(async (r) => ({ ...r, inside: await appointmentsInside(db, { locationId: r.locationId, startsAt: r.startsAt, endsAt: r.endsAt }) })));
}
