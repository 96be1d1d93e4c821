import { and, desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { appointments, appointmentSeries, auditEvents } from "@/db/schema";
import { createCase, createLocation, createPatient, createPractitioner, createService, createUser, setWorkingHours } from "@/db/seed/factories";
import { NEW_YORK } from "@/db/testing/zones";
import { transitionAppointment } from "@/lib/appointments/commands";
import { bookSeries, cancelRestOfSeries, checkSeries, endSeries } from "./commands";
import { getRecallList } from "./recall";
import { listPatientPlans } from "./views";

/** Issue 13: the recall list — plans with visits left and nothing booked ahead; stopped plans leave it. */
const NOW = new Date("2027-05-01T12:00:00Z");
const LATER = new Date("2027-05-20T12:00:00Z");
const BASE = { baseUrl: "http://clinic.test" };

let w: { slug: string; practitionerId: string; staff: { id: string; role: "staff" } };

async function plan(name: string, startsOn: string, time: string) {
  const db = getDb();
  const patient = await createPatient(db, { fullName: name });
  const theCase = await createCase(db, { patientId: patient.id, status: "in_care" });
  const pattern = { caseId: theCase.id, service: w.slug, practitionerId: w.practitionerId, weekdays: [1, 4], time, startsOn, count: 6 };
  const checked = await checkSeries(db, pattern, w.staff, NOW);
  // Only the first four are booked: the plan still calls for six.
  const booked = await bookSeries(db, { ...pattern, starts: checked.occurrences.slice(0, 4).map((o) => o.start!.toISOString()) }, w.staff, { ...BASE, now: NOW });
  if (booked.kind !== "booked") throw new Error("expected a booking");
  const visits = await db.select().from(appointments).where(eq(appointments.seriesId, booked.seriesId)).orderBy(appointments.startsAt);
  return { patientId: patient.id, seriesId: booked.seriesId, visits };
}

beforeAll(async () => {
  const db = getDb();
  const location = await createLocation(db, { timeZone: NEW_YORK });
  const service = await createService(db, { discipline: "physical_therapist", durationMinutes: 45, minNoticeMinutes: 60, isHandsOn: false });
  const pt = await createPractitioner(db, { discipline: "physical_therapist", serviceIds: [service.id] });
  await setWorkingHours(db, { practitionerId: pt.id, locationId: location.id, days: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: "08:00", end: "17:00" })) });
  const staff = await createUser(db, { role: "staff" });
  w = { slug: service.slug, practitionerId: pt.id, staff: { id: staff.id, role: "staff" } };
});

describe("the recall list", () => {
  it("shows a plan whose visits ran out of bookings, not one with a visit ahead or one stopped on purpose; the read is audited", async () => {
    const db = getDb();
    // Plan A: two visits done, then the patient cancelled the other two.
    const a = await plan("Ada Recall", "2027-05-03", "09:00");
    for (const v of a.visits.slice(0, 2)) await db.update(appointments).set({ status: "completed" }).where(eq(appointments.id, v.id));
    for (const v of a.visits.slice(2)) await db.transaction((tx) => transitionAppointment(tx, { appointmentId: v.id, move: "cancel", actor: null, reason: "", now: NOW }));
    // Plan B: visits on May 20 (11:00, after LATER), 24 and 27 are still booked ahead.
    const b = await plan("Bea Booked", "2027-05-17", "11:00");
    // Plan C: stopped by the desk after the patient moved away.
    const c = await plan("Cy Stopped", "2027-05-03", "14:00");
    await cancelRestOfSeries(db, { appointmentId: c.visits[0]!.id, reason: "patient_called", note: "Moved away", actor: w.staff, baseUrl: BASE.baseUrl, now: NOW });

    const rows = await getRecallList(w.staff, { now: LATER });
    const mine = rows.filter((r) => [a.seriesId, b.seriesId, c.seriesId].includes(r.seriesId));
    expect(mine.map((r) => r.patientName)).toEqual(["Ada Recall"]);
    expect(mine[0]).toMatchObject({ planned: 6, done: 2, pattern: "Mon, Thu at 09:00", last: { status: "cancelled", cancelledBy: "patient" } });
    const [read] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "patients.listed"), eq(auditEvents.entityId, "desk.recall")))
      .orderBy(desc(auditEvents.at));
    expect((read!.details as { patientIds: string[] }).patientIds).toContain(a.patientId);

    // The portal groups a running plan's visits: Bea's shows with three visits ahead (May 20 at 11:00, 24, 27); Ada's has none ahead.
    expect(await listPatientPlans(db, b.patientId, LATER)).toEqual([expect.objectContaining({ seriesId: b.seriesId, pattern: "Mon, Thu at 11:00", planned: 6, done: 0, ahead: 3 })]);
    expect(await listPatientPlans(db, a.patientId, LATER)).toEqual([]);

    // Stopping the plan takes it off the list (audited); a practitioner may not.
    await expect(endSeries(db, { seriesId: a.seriesId, reason: "patient_called", actor: { id: w.staff.id, role: "practitioner" } })).rejects.toMatchObject({ code: "forbidden" });
    await endSeries(db, { seriesId: a.seriesId, reason: "patient_called", actor: w.staff });
    const [series] = await db.select().from(appointmentSeries).where(eq(appointmentSeries.id, a.seriesId));
    expect(series!.endedReason).toBe("patient_called");
    expect((await getRecallList(w.staff, { now: LATER })).some((r) => r.seriesId === a.seriesId)).toBe(false);
  });

  it("is the desk's: a practitioner or a patient is refused", async () => {
    await expect(getRecallList({ id: w.staff.id, role: "practitioner" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(getRecallList({ id: w.staff.id, role: "patient" })).rejects.toMatchObject({ code: "forbidden" });
  });
});
