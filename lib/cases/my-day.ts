import "server-only";
import { appointmentRows } from "@/lib/appointments/joined";
import { and, asc, eq, gte, inArray, lt } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { appointments } from "@/db/schema";
import { unclearedFlagsOf } from "@/lib/red-flags/flags";
import { localDate } from "@/lib/time";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A practitioner's appointments today, each "today" counted in its own location's zone (a practitioner
 * who works at two locations sees both days correctly), with the patient's uncleared red flags.
 */
export async function listPractitionerDay(db: DbOrTx, practitionerId: string, now: Date = new Date()) {
  const rows = await appointmentRows(db)
    .where(
      and(
        eq(appointments.practitionerId, practitionerId),
        inArray(appointments.status, ["requested", "confirmed", "completed", "no_show"]),
        gte(appointments.startsAt, new Date(now.getTime() - DAY_MS)),
        lt(appointments.startsAt, new Date(now.getTime() + DAY_MS)),
      ),
    )
    .orderBy(asc(appointments.startsAt));
  const today = rows.filter((r) => localDate(r.startsAt, r.timeZone) === localDate(now, r.timeZone));
  const flags = await unclearedFlagsOf(
    db,
    today.map((r) => r.patientId),
  );
  return today.map((r) => ({ ...r, flags: flags.get(r.patientId) ?? [] }));
}

export type DayVisit = Awaited<ReturnType<typeof listPractitionerDay>>[number];
