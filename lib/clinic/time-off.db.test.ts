import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { appointments } from "@/db/schema";
import { createAppointment, createLocation, createPatient, createPractitioner, createService, createUser, setWorkingHours } from "@/db/seed/factories";
import { getPublicFreeSlots } from "@/lib/availability";
import { addDaysIso, isoWeekday, localDate, zonedInstant } from "@/lib/time";
import { addClosure, addTimeOff, removeClosure } from "./time-off";

const DENVER = "America/Denver";

async function clinic() {
  const db = getDb();
  const admin = await createUser(db, { role: "admin" });
  const location = await createLocation(db, { name: "Closures", timeZone: DENVER });
  const service = await createService(db, { discipline: "massage_therapist", durationMinutes: 60, minNoticeMinutes: 60 });
  const p = await createPractitioner(db, { discipline: "massage_therapist", serviceIds: [service.id] });
  await db
    .update((await import("@/db/schema")).practitioners)
    .set({ locationId: location.id })
    .where(eq((await import("@/db/schema")).practitioners.id, p.id));
  await setWorkingHours(db, { practitionerId: p.id, locationId: location.id, days: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: "09:00", end: "13:00" })) });
  let day = addDaysIso(localDate(new Date(), DENVER), 10);
  while (isoWeekday(day) > 4) day = addDaysIso(day, 1);
  const patient = await createPatient(db, { fullName: "Inside Patient" });
  const booked = await createAppointment(db, { patientId: patient.id, practitionerId: p.id, service, locationId: location.id, startsAt: zonedInstant(day, "10:00", DENVER) });
  return { db, admin, location, service, p, day, booked };
}

const slotsOn = async (slug: string, day: string) => (await getPublicFreeSlots(getDb(), { serviceSlug: slug, from: day, to: day, firstAvailableOnly: false })).slots.length;

describe("time off and closures", () => {
  it("time off over appointments lists them, cancels nothing, and stops free times inside", async () => {
    const { db, admin, service, p, day, booked } = await clinic();
    expect(await slotsOn(service.slug, day)).toBeGreaterThan(0);
    const { inside } = await db.transaction((tx) => addTimeOff(tx, { actor: admin, practitionerId: p.id, from: `${day}T08:00`, to: `${day}T14:00`, reason: "course" }));
    expect(inside.map((a) => a.id)).toEqual([booked.id]);
    const [still] = await db.select({ status: appointments.status }).from(appointments).where(eq(appointments.id, booked.id));
    expect(still!.status).toBe("confirmed");
    expect(await slotsOn(service.slug, day)).toBe(0);
    // Other days keep their times.
    expect(await slotsOn(service.slug, addDaysIso(day, 1))).toBeGreaterThan(0);
  });

  it("a closure is whole days on the location's clock: no free times there (even cached), appointments listed; reopening restores them", async () => {
    const { db, admin, location, service, day, booked } = await clinic();
    const before = await slotsOn(service.slug, day); // fills the cache
    expect(before).toBeGreaterThan(0);
    const closure = await db.transaction((tx) => addClosure(tx, { actor: admin, locationId: location.id, fromDate: day, toDate: day, reason: "Holiday" }));
    expect(closure.inside.map((a) => a.id)).toEqual([booked.id]);
    expect(await slotsOn(service.slug, day)).toBe(0);
    expect(await slotsOn(service.slug, addDaysIso(day, 1))).toBeGreaterThan(0);
    await db.transaction((tx) => removeClosure(tx, { actor: admin, id: closure.id }));
    expect(await slotsOn(service.slug, day)).toBe(before);
  });

  it("refuses an end before the start, and anyone but an admin", async () => {
    const { db, admin, location, p, day } = await clinic();
    await expect(db.transaction((tx) => addTimeOff(tx, { actor: admin, practitionerId: p.id, from: `${day}T12:00`, to: `${day}T09:00`, reason: "" }))).rejects.toMatchObject({ code: "invalid" });
    const staff = await createUser(db, { role: "staff" });
    await expect(db.transaction((tx) => addClosure(tx, { actor: staff, locationId: location.id, fromDate: day, toDate: day, reason: "x" }))).rejects.toMatchObject({ code: "forbidden" });
  });
});
