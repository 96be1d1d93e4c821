import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { createAppointment, createLocation, createPatient, createPractitioner, createService } from "@/db/seed/factories";
import { zonedInstant } from "@/lib/time";
import { listPractitionerDay } from "./my-day";

describe("my day", () => {
  it("lists the practitioner's visits of today in each location's own zone, nobody else's, no cancelled ones", async () => {
    const db = getDb();
    const denver = await createLocation(db, { name: "Denver", timeZone: "America/Denver" });
    const service = await createService(db, { discipline: "chiropractor", durationMinutes: 30 });
    const me = await createPractitioner(db, { discipline: "chiropractor", serviceIds: [service.id] });
    const other = await createPractitioner(db, { discipline: "chiropractor", serviceIds: [service.id] });
    const patient = await createPatient(db, { fullName: "Day Patient" });
    // "Now" is 8 pm on 3 Dec in Denver, already 4 Dec in UTC.
    const now = zonedInstant("2031-12-03", "20:00", "America/Denver");
    const at = (date: string, time: string, status: "confirmed" | "cancelled" = "confirmed", practitionerId = me.id) =>
      createAppointment(db, { patientId: patient.id, practitionerId, service, locationId: denver.id, startsAt: zonedInstant(date, time, "America/Denver"), status });
    const morning = await at("2031-12-03", "08:00");
    const late = await at("2031-12-03", "21:30"); // 4 Dec in UTC, still today in Denver
    await at("2031-12-04", "08:00"); // tomorrow
    await at("2031-12-02", "21:00"); // yesterday
    await at("2031-12-03", "10:00", "cancelled");
    await at("2031-12-03", "11:00", "confirmed", other.id);
    const day = await listPractitionerDay(db, me.id, now);
    expect(day.map((v) => v.id)).toEqual([morning.id, late.id]);
    expect(day[0]).toMatchObject({ patientName: "Day Patient", locationName: "Denver", timeZone: "America/Denver", flags: [] });
  });
});
