import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { appointments, calendarVersions, locations, practitionerServices, practitioners, services, timeOff, workingHours } from "@/db/schema";
import { createAppointment, createLocation, createPatient, createPractitioner, createService, createTimeOff, setWorkingHours } from "@/db/seed/factories";
import { addDaysIso, isoWeekday, localDate, zonedInstant } from "@/lib/time";
import { getFreeSlots, getPublicFreeSlots } from ".";
import { availabilityCacheStats } from "./cache";
import { NEW_YORK } from "@/db/testing/zones";

const NY = NEW_YORK;

let ctx: {
  serviceId: string;
  slug: string;
  locationId: string;
  patientId: string;
  a: string;
  b: string;
  day: string;
  service: { id: string; durationMinutes: number; bufferBeforeMinutes: number; bufferAfterMinutes: number };
};

beforeAll(async () => {
  const db = getDb();
  const location = await createLocation(db);
  const service = await createService(db, { durationMinutes: 60, minNoticeMinutes: 60 });
  const a = await createPractitioner(db, { discipline: "massage_therapist", serviceIds: [service.id] });
  const b = await createPractitioner(db, { discipline: "massage_therapist", serviceIds: [service.id] });
  for (const id of [a.id, b.id]) {
    await setWorkingHours(db, { practitionerId: id, locationId: location.id, days: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: "09:00", end: "13:00" })) });
  }
  const patient = await createPatient(db, {});
  let day = addDaysIso(localDate(new Date(), NY), 10);
  while (isoWeekday(day) > 5) day = addDaysIso(day, 1);
  ctx = { serviceId: service.id, slug: service.slug, locationId: location.id, patientId: patient.id, a: a.id, b: b.id, day, service };
});

const times = (slots: Array<{ practitionerId: string; start: Date }>) => slots.map((s) => `${s.practitionerId === ctx.a ? "A" : "B"} ${s.start.toISOString().slice(11, 16)}`);

/** The remembered answer must always equal a fresh load: per practitioner and "first available". */
async function bothAgree() {
  const db = getDb();
  const out: string[][] = [];
  for (const practitionerId of [ctx.a, null]) {
    const input = { serviceSlug: ctx.slug, practitionerId, from: ctx.day, to: ctx.day };
    const fresh = await getFreeSlots(db, input);
    const remembered = await getPublicFreeSlots(db, input);
    expect(times(remembered.slots)).toEqual(times(fresh.slots));
    expect(remembered.service).toEqual(fresh.service);
    out.push(times(remembered.slots));
  }
  return { mine: out[0]!, firstAvailable: out[1]! };
}

describe("availability remembered per instance, checked against calendar versions", () => {
  it("answers from memory while nothing changed", async () => {
    await bothAgree();
    const before = { ...availabilityCacheStats };
    const { mine } = await bothAgree();
    expect(availabilityCacheStats.hits).toBe(before.hits + 2);
    expect(availabilityCacheStats.misses).toBe(before.misses);
    expect(mine).toContain("A 14:00");
  });

  it("a remembered answer is cut to the moment's notice and horizon: exactly a fresh answer a minute later", async () => {
    const db = getDb();
    // Half a minute before the 10:00 slot falls inside the hour of notice, and before a slot at the far
    // end enters the 90-day horizon.
    // A Tuesday: 90 days later is a Monday, a working day at both ends.
    let day = ctx.day;
    while (isoWeekday(day) !== 2) day = addDaysIso(day, 1);
    const ten = zonedInstant(day, "10:00", NY);
    const t0 = new Date(ten.getTime() - 60 * 60_000 - 30_000);
    const input = { serviceSlug: ctx.slug, practitionerId: ctx.a, from: day, to: addDaysIso(day, 95) };
    const first = await getPublicFreeSlots(db, { ...input, now: t0 });
    const later = new Date(t0.getTime() + 59_000);
    const remembered = await getPublicFreeSlots(db, { ...input, now: later });
    const fresh = await getFreeSlots(db, { ...input, now: later });
    expect(times(remembered.slots)).toEqual(times(fresh.slots));
    // The minute mattered: 10:00 that day left, and a slot at the horizon's end came in.
    expect(first.slots.some((s) => s.start.getTime() === ten.getTime())).toBe(true);
    expect(remembered.slots.some((s) => s.start.getTime() === ten.getTime())).toBe(false);
    expect(remembered.slots.at(-1)!.start.getTime()).toBeGreaterThan(first.slots.at(-1)!.start.getTime());
  });

  it("sees a new appointment, its cancellation, and reloads only the practitioner who changed", async () => {
    const db = getDb();
    await bothAgree();
    const appointment = await createAppointment(db, {
      patientId: ctx.patientId,
      practitionerId: ctx.a,
      service: ctx.service,
      locationId: ctx.locationId,
      startsAt: zonedInstant(ctx.day, "09:00", NY),
    });
    const before = { ...availabilityCacheStats };
    const booked = await bothAgree();
    expect(booked.mine).not.toContain("A 14:00");
    expect(availabilityCacheStats.partial).toBe(before.partial + 2);
    await db.update(appointments).set({ status: "cancelled" }).where(eq(appointments.id, appointment.id));
    expect((await bothAgree()).mine).toContain("A 14:00");
  });

  it("sees time off, working hours, the service's rules and who offers it", async () => {
    const db = getDb();
    await bothAgree();
    const off = await createTimeOff(db, { practitionerId: ctx.a, startsAt: zonedInstant(ctx.day, "10:00", NY), endsAt: zonedInstant(ctx.day, "11:00", NY) });
    expect((await bothAgree()).mine).not.toContain("A 15:00");
    await db.delete(timeOff).where(eq(timeOff.id, off.id));
    expect((await bothAgree()).mine).toContain("A 15:00");

    await db.update(workingHours).set({ endTime: "11:00" }).where(eq(workingHours.practitionerId, ctx.a));
    expect((await bothAgree()).mine).not.toContain("A 16:00");
    await db.update(workingHours).set({ endTime: "13:00" }).where(eq(workingHours.practitionerId, ctx.a));

    await db.update(services).set({ durationMinutes: 180 }).where(eq(services.id, ctx.serviceId));
    expect((await bothAgree()).mine).toEqual(["A 14:00", "A 14:15", "A 14:30", "A 14:45", "A 15:00"]);
    await db.update(services).set({ durationMinutes: 60 }).where(eq(services.id, ctx.serviceId));

    await db.delete(practitionerServices).where(and(eq(practitionerServices.practitionerId, ctx.b), eq(practitionerServices.serviceId, ctx.serviceId)));
    expect((await bothAgree()).firstAvailable.every((t) => t.startsWith("A"))).toBe(true);
    await db.insert(practitionerServices).values({ practitionerId: ctx.b, serviceId: ctx.serviceId });

    await db.update(practitioners).set({ isActive: false }).where(eq(practitioners.id, ctx.a));
    expect((await bothAgree()).firstAvailable.every((t) => t.startsWith("B"))).toBe(true);
    await db.update(practitioners).set({ isActive: true }).where(eq(practitioners.id, ctx.a));

    await db.update(locations).set({ timeZone: "America/Chicago" }).where(eq(locations.id, ctx.locationId));
    await bothAgree();
    await db.update(locations).set({ timeZone: NY }).where(eq(locations.id, ctx.locationId));
    expect((await bothAgree()).mine).toContain("A 14:00");
  });

  it("is not fooled by a change that was rolled back", async () => {
    const db = getDb();
    await bothAgree();
    await db
      .transaction(async (tx) => {
        await createAppointment(tx, { patientId: ctx.patientId, practitionerId: ctx.a, service: ctx.service, locationId: ctx.locationId, startsAt: zonedInstant(ctx.day, "11:00", NY) });
        throw new Error("rolled back");
      })
      .catch(() => {});
    expect((await bothAgree()).mine).toContain("A 16:00");
    // A committed change after the rollback is seen too.
    await createAppointment(db, { patientId: ctx.patientId, practitionerId: ctx.a, service: ctx.service, locationId: ctx.locationId, startsAt: zonedInstant(ctx.day, "11:00", NY) });
    expect((await bothAgree()).mine).not.toContain("A 16:00");
  });

  it("gives the practitioner a new version in the same statement as the change, and only them", async () => {
    const db = getDb();
    const version = async (id: string) => Number((await db.select({ v: calendarVersions.version }).from(calendarVersions).where(eq(calendarVersions.practitionerId, id)))[0]?.v ?? 0);
    const [a0, b0] = [await version(ctx.a), await version(ctx.b)];
    await db.execute(sql`update working_hours set breaks = '[]'::jsonb where practitioner_id = ${ctx.b}`);
    expect(await version(ctx.b)).not.toBe(b0);
    expect(await version(ctx.a)).toBe(a0);
  });
});
