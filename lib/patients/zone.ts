import "server-only";
import { and, asc, desc, eq, gte, lt } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { appointments, locations } from "@/db/schema";
import { getClinic } from "@/lib/clinic/context";

/**
 * The zone a patient's day is counted in: the location of their next appointment, else of their last one,
 * else the clinic's main location. "Today's exercises" and the logs they send use it.
 */
export async function patientTimeZone(db: DbOrTx, patientId: string, now: Date = new Date()): Promise<string> {
  const zoneOf = (where: ReturnType<typeof and>, order: "asc" | "desc") =>
    db
      .select({ timeZone: locations.timeZone })
      .from(appointments)
      .innerJoin(locations, eq(locations.id, appointments.locationId))
      .where(where)
      .orderBy(order === "asc" ? asc(appointments.startsAt) : desc(appointments.startsAt))
      .limit(1);
  const [next] = await zoneOf(and(eq(appointments.patientId, patientId), gte(appointments.startsAt, now)), "asc");
  if (next) return next.timeZone;
  const [last] = await zoneOf(and(eq(appointments.patientId, patientId), lt(appointments.startsAt, now)), "desc");
  if (last) return last.timeZone;
  return (await getClinic(db)).timeZone;
}
