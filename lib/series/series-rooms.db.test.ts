import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { appointments } from "@/db/schema";
import { createAppointment, createCase, createLocation, createPatient, createPractitioner, createRoom, createService, createUser, setWorkingHours } from "@/db/seed/factories";
import { NEW_YORK } from "@/db/testing/zones";
import { bookSeries, checkSeries } from "./commands";

/** Issue 13: a series of a service that needs a room — the date the only room is taken is the date reported. */
const NOW = new Date("2027-04-01T12:00:00Z");

let w: { caseId: string; slug: string; ana: string; staff: { id: string; role: "staff" } };
let roomTakenOn: Date;

beforeAll(async () => {
  const db = getDb();
  const location = await createLocation(db, { timeZone: NEW_YORK });
  const room = await createRoom(db, { locationId: location.id, kind: "massage", name: "The one massage room" });
  const service = await createService(db, { discipline: "massage_therapist", durationMinutes: 60, minNoticeMinutes: 60, roomKind: "massage", isHandsOn: false });
  const ana = await createPractitioner(db, { discipline: "massage_therapist", serviceIds: [service.id] });
  const ben = await createPractitioner(db, { discipline: "massage_therapist", serviceIds: [service.id] });
  for (const p of [ana, ben]) await setWorkingHours(db, { practitionerId: p.id, locationId: location.id, days: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: "08:00", end: "16:00" })) });
  const patient = await createPatient(db);
  const staff = await createUser(db, { role: "staff" });
  w = { caseId: (await createCase(db, { patientId: patient.id, status: "in_care" })).id, slug: service.slug, ana: ana.id, staff: { id: staff.id, role: "staff" } };
  // Ben's client holds the only room on the second Thursday at 10:00 (Ana herself is free then).
  const other = await createPatient(db);
  roomTakenOn = new Date("2027-04-15T14:00:00Z"); // Thursday 10:00 EDT
  await createAppointment(db, { patientId: other.id, practitionerId: ben.id, service, locationId: location.id, startsAt: roomTakenOn, roomId: room.id });
});

describe("a series of a service that needs a room", () => {
  it("reports the date the room is taken (with free times that week), books the rest, and refuses that date", async () => {
    const pattern = { caseId: w.caseId, service: w.slug, practitionerId: w.ana, weekdays: [1, 4], time: "10:00", startsOn: "2027-04-05", count: 4 };
    const checked = await checkSeries(getDb(), pattern, w.staff, NOW);
    expect(checked.occurrences.map((o) => o.date)).toEqual(["2027-04-05", "2027-04-08", "2027-04-12", "2027-04-15"]);
    const taken = checked.occurrences.filter((o) => !o.free);
    expect(taken.map((o) => o.date)).toEqual(["2027-04-15"]);
    expect(taken[0]!.alternatives.length).toBeGreaterThan(0);
    expect(taken[0]!.alternatives.some((s) => s.start.getTime() === roomTakenOn.getTime())).toBe(false);

    const refused = await bookSeries(getDb(), { ...pattern, starts: checked.occurrences.map((o) => (o.start ?? roomTakenOn).toISOString()) }, w.staff, { baseUrl: "http://clinic.test", now: NOW });
    expect(refused.kind).toBe("conflict");
    expect(refused.kind === "conflict" && refused.failed.map((f) => f.start.toISOString())).toEqual([roomTakenOn.toISOString()]);
    expect(await getDb().select().from(appointments).where(eq(appointments.practitionerId, w.ana))).toHaveLength(0);

    const booked = await bookSeries(getDb(), { ...pattern, starts: checked.occurrences.filter((o) => o.free).map((o) => o.start!.toISOString()) }, w.staff, {
      baseUrl: "http://clinic.test",
      now: NOW,
    });
    expect(booked.kind === "booked" && booked.appointmentIds.length).toBe(3);
  });
});
