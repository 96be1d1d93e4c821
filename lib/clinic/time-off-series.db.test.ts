import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { appointments, auditEvents, practitioners, timeOff } from "@/db/schema";
import { createAppointment, createLocation, createPatient, createPractitioner, createService, createUser } from "@/db/seed/factories";
import { formatInZone, isoWeekday, localDate, zonedInstant } from "@/lib/time";
import { forgetClinic } from "./context";
import { addRecurringTimeOff, listUpcomingTimeOff, listUpcomingTimeOffSeries, removeTimeOffSeries } from "./time-off";

const DENVER = "America/Denver";

/** A Denver practitioner. March 2030: clocks go forward on Sunday the 10th (UTC−7 → UTC−6). */
async function clinic() {
  const db = getDb();
  const admin = await createUser(db, { role: "admin" });
  const location = await createLocation(db, { name: `Series ${Math.random()}`, timeZone: DENVER });
  forgetClinic();
  const service = await createService(db, { discipline: "physical_therapist", durationMinutes: 60 });
  const p = await createPractitioner(db, { discipline: "physical_therapist", serviceIds: [service.id] });
  await db.update(practitioners).set({ locationId: location.id }).where(eq(practitioners.id, p.id));
  const patient = await createPatient(db, { fullName: "Series Patient" });
  const book = (day: string, time: string) => createAppointment(db, { patientId: patient.id, practitionerId: p.id, service, locationId: location.id, startsAt: zonedInstant(day, time, DENVER) });
  return { db, admin, p, book };
}

const series = (practitionerId: string) => ({ practitionerId, weekdays: ["1", "5"], startTime: "13:00", endTime: "17:00", fromDate: "2030-03-01", untilDate: "2030-03-29", reason: "Teaching" });
const rowsOf = (db: ReturnType<typeof getDb>, practitionerId: string) => db.select().from(timeOff).where(eq(timeOff.practitionerId, practitionerId)).orderBy(timeOff.startsAt);

describe("weekly time off", () => {
  it("one row per occurrence on the location's clock: 13:00–17:00 before and after the DST change; appointments inside listed and left as they are", async () => {
    const { db, admin, p, book } = await clinic();
    const inside = await book("2030-03-15", "14:00"); // a Friday, after the change
    const insideBefore = await book("2030-03-04", "16:30"); // a Monday, before it (runs past 17:00: overlaps)
    const morning = await book("2030-03-15", "10:00");
    const thursday = await book("2030-03-14", "14:00");

    const added = await db.transaction((tx) => addRecurringTimeOff(tx, { actor: admin, ...series(p.id) }));
    expect(added.occurrences).toBe(9);
    expect(added.inside.map((a) => a.id)).toEqual([insideBefore.id, inside.id]);

    const rows = await rowsOf(db, p.id);
    expect(rows).toHaveLength(9);
    expect(new Set(rows.map((r) => r.seriesId))).toEqual(new Set([added.seriesId]));
    for (const r of rows) {
      expect([1, 5]).toContain(isoWeekday(localDate(r.startsAt, DENVER)));
      expect(formatInZone(r.startsAt, DENVER, "HH:mm")).toBe("13:00");
      expect(formatInZone(r.endsAt, DENVER, "HH:mm")).toBe("17:00");
      expect(r.reason).toBe("Teaching");
    }
    // The same wall-clock time is a different UTC time on either side of the change.
    expect(rows[0]!.startsAt.toISOString()).toBe("2030-03-01T20:00:00.000Z");
    expect(rows.at(-1)!.startsAt.toISOString()).toBe("2030-03-29T19:00:00.000Z");

    const statuses = await db.select({ id: appointments.id, status: appointments.status }).from(appointments).where(eq(appointments.practitionerId, p.id));
    expect(statuses.every((a) => a.status === "confirmed")).toBe(true);
    expect(statuses.map((a) => a.id).sort()).toEqual([inside.id, insideBefore.id, morning.id, thursday.id].sort());

    const [event] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "time_off.added"), eq(auditEvents.entityId, p.id)));
    expect(event?.details).toMatchObject({ seriesId: added.seriesId, occurrences: 9, appointmentsInside: 2 });

    // The practitioner's page: one entry for the series, described on their clock, listing what is still inside.
    const later = zonedInstant("2030-03-12", "00:00", DENVER);
    const [entry, ...more] = await listUpcomingTimeOffSeries(db, p.id, DENVER, later);
    expect(more).toEqual([]);
    expect(entry).toMatchObject({ id: added.seriesId, weekdays: [1, 5], startTime: "13:00", endTime: "17:00", firstDate: "2030-03-15", lastDate: "2030-03-29", occurrences: 5 });
    expect(entry!.inside.map((a) => a.id)).toEqual([inside.id]);
    expect(await listUpcomingTimeOff(db, p.id, later)).toEqual([]);
  });

  it("removing the series deletes only the occurrences still to come", async () => {
    const { db, admin, p } = await clinic();
    const { seriesId } = await db.transaction((tx) => addRecurringTimeOff(tx, { actor: admin, ...series(p.id) }));
    // One-off time off of the same practitioner is not part of it.
    await db.insert(timeOff).values({ practitionerId: p.id, startsAt: zonedInstant("2030-03-20", "09:00", DENVER), endsAt: zonedInstant("2030-03-20", "12:00", DENVER) });
    const now = zonedInstant("2030-03-15", "15:00", DENVER); // inside the Friday 15th occurrence
    const { removed } = await db.transaction((tx) => removeTimeOffSeries(tx, { actor: admin, seriesId, now }));
    expect(removed).toBe(4); // 18, 22, 25, 29
    const left = await rowsOf(db, p.id);
    expect(left.filter((r) => r.seriesId === seriesId).map((r) => localDate(r.startsAt, DENVER))).toEqual(["2030-03-01", "2030-03-04", "2030-03-08", "2030-03-11", "2030-03-15"]);
    expect(left.filter((r) => r.seriesId === null)).toHaveLength(1);
    const [event] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "time_off.removed"), eq(auditEvents.entityId, p.id)));
    expect(event?.details).toMatchObject({ seriesId, occurrencesRemoved: 4 });
    await expect(db.transaction((tx) => removeTimeOffSeries(tx, { actor: admin, seriesId: crypto.randomUUID() }))).rejects.toMatchObject({ code: "not_found" });
  });

  it("bad input is a DomainError with field errors and writes nothing; only admins", async () => {
    const { db, admin, p } = await clinic();
    const base = series(p.id);
    const cases: Array<[Partial<typeof base>, string]> = [
      [{ weekdays: [] }, "weekdays"],
      [{ startTime: "17:00", endTime: "13:00" }, "endTime"],
      [{ startTime: "13:00", endTime: "13:00" }, "endTime"],
      [{ untilDate: "2030-02-28" }, "untilDate"],
      [{ untilDate: "2031-03-02" }, "untilDate"], // 366 days after the first: 367 days in all
      [{ weekdays: ["3"], fromDate: "2030-03-01", untilDate: "2030-03-04" }, "weekdays"], // no Wednesday in between
      [{ startTime: "1pm" }, "startTime"],
    ];
    for (const [bad, field] of cases) {
      const attempt = db.transaction((tx) => addRecurringTimeOff(tx, { actor: admin, ...base, ...bad }));
      await expect(attempt, field).rejects.toMatchObject({ code: "invalid", fields: { [field]: expect.any(String) } });
    }
    expect(await rowsOf(db, p.id)).toHaveLength(0);
    // 366 days, first and last included, is the longest series.
    const year = await db.transaction((tx) => addRecurringTimeOff(tx, { actor: admin, ...base, untilDate: "2031-03-01" }));
    expect(year.occurrences).toBeGreaterThan(100);
    const staff = await createUser(db, { role: "staff" });
    await expect(db.transaction((tx) => addRecurringTimeOff(tx, { actor: staff, ...base }))).rejects.toMatchObject({ code: "forbidden" });
  });
});
