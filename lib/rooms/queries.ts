import "server-only";
import { and, asc, eq, gt, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { appointments, rooms } from "@/db/schema";
import { appointmentRows } from "@/lib/appointments/joined";

/** Upcoming appointments still to happen: the ones the desk can move. */
const UPCOMING = ["requested", "confirmed"] as const;

/** Every room of every location, by location, then by name. */
export async function listRooms(db: DbOrTx) {
  return db.select().from(rooms).orderBy(asc(rooms.locationId), asc(rooms.name));
}

/** Booked appointments that hold the room and have not ended yet. */
export async function upcomingAppointmentsInRoom(db: DbOrTx, roomId: string, now: Date = new Date()) {
  return appointmentRows(db)
    .where(and(eq(appointments.roomId, roomId), inArray(appointments.status, [...UPCOMING]), gt(appointments.endsAt, now)))
    .orderBy(asc(appointments.startsAt));
}

/**
 * Rooms with, for each inactive one, the booked appointments still holding it: a deactivated room keeps
 * them (nothing is cancelled), so the desk moves them to another room or time.
 */
export async function listRoomsWithUpcoming(db: DbOrTx, now: Date = new Date()) {
  const all = await listRooms(db);
  return Promise.all(all.map(async (r) => ({ ...r, inside: r.isActive ? [] : await upcomingAppointmentsInRoom(db, r.id, now) })));
}
