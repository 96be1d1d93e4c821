import "server-only";
import { and, eq, gte, isNull, lt, or } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { locations, workingHours } from "@/db/schema";
import { DomainError } from "@/lib/errors";
import { addDaysIso } from "@/lib/time";
import type { WeeklyHoursInput, WorkingDay } from "./schemas";

type Row = typeof workingHours.$inferSelect;

/** The rows in force on `date` ("YYYY-MM-DD") for one practitioner, keyed by ISO weekday. */
export function rowsInForce(rows: Row[], date: string): Row[] {
  return rows.filter((r) => r.effectiveFrom <= date && (r.effectiveUntil === null || r.effectiveUntil >= date));
}

const hhmm = (t: string) => t.slice(0, 5);

/** The weekly form's seven days, from the rows in force on `date` (days without a row are off). */
export function toWeeklyForm(rows: Row[], date: string, locationId: string): WorkingDay[] {
  const inForce = rowsInForce(rows, date).filter((r) => r.locationId === locationId);
  return [1, 2, 3, 4, 5, 6, 7].map((weekday) => {
    const row = inForce.find((r) => r.weekday === weekday);
    return row ? { weekday, isWorking: true, start: hhmm(row.startTime), end: hhmm(row.endTime), breaks: row.breaks } : { weekday, isWorking: false, start: "09:00", end: "17:00", breaks: [] };
  });
}

/**
 * Replaces a practitioner's weekly hours at one location from `effectiveFrom` on: schedules that had
 * not started by then are dropped, the one in force is closed the day before, and the new one starts.
 * Past hours stay as they were, so past appointments keep their context.
 */
export async function replaceWeeklyHours(tx: Tx, input: WeeklyHoursInput): Promise<number> {
  const [place] = await tx.select({ id: locations.id }).from(locations).where(eq(locations.id, input.locationId));
  if (!place) throw new DomainError("invalid", "location", { fields: { locationId: "location" } });
  const scope = and(eq(workingHours.practitionerId, input.practitionerId), eq(workingHours.locationId, input.locationId));
  await tx.delete(workingHours).where(and(scope, gte(workingHours.effectiveFrom, input.effectiveFrom)));
  await tx
    .update(workingHours)
    .set({ effectiveUntil: addDaysIso(input.effectiveFrom, -1) })
    .where(and(scope, lt(workingHours.effectiveFrom, input.effectiveFrom), or(isNull(workingHours.effectiveUntil), gte(workingHours.effectiveUntil, input.effectiveFrom))));
  const days = input.days.filter((d) => d.isWorking);
  if (days.length) {
    await tx.insert(workingHours).values(
      days.map((d) => ({
        practitionerId: input.practitionerId,
        locationId: input.locationId,
        weekday: d.weekday,
        startTime: d.start,
        endTime: d.end,
        breaks: d.breaks,
        effectiveFrom: input.effectiveFrom,
      })),
    );
  }
  return days.length;
}
