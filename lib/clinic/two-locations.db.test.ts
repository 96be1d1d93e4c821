import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { createAppointment, createLocation, createPatient, createPractitioner, createService, setWorkingHours } from "@/db/seed/factories";
import { getPublicFreeSlots } from "@/lib/availability";
import { loadAppointmentDetails, factsOf } from "@/lib/booking/facts";
import { presentSlot } from "@/lib/booking/present";
import { listPractitionerDay } from "@/lib/cases/my-day";
import { listTodaysVisits } from "@/lib/desk/queries";
import { listPatientAppointments } from "@/lib/appointments/queries";
import { reminderEmail } from "@/lib/notifications/templates";
import { addDaysIso, formatDateTime, isoWeekday, localDate, zonedInstant } from "@/lib/time";
import { NEW_YORK } from "@/db/testing/zones";

/**
 * Two locations in two zones (issue 11): one appointment at each, both at 9:00 local, must read 9:00 with
 * its own zone everywhere — slots, the desk's day, a practitioner's day, the patient's list, emails.
 */
describe("a clinic with a New York and a Denver location", () => {
  it("shows each appointment in its own location's time, named", async () => {
    const db = getDb();
    const ny = await createLocation(db, { name: "Two-zone NY", timeZone: NEW_YORK });
    const denver = await createLocation(db, { name: "Two-zone Denver", timeZone: "America/Denver" });
    const service = await createService(db, { discipline: "chiropractor", durationMinutes: 30, minNoticeMinutes: 60 });
    const east = await createPractitioner(db, { discipline: "chiropractor", serviceIds: [service.id] });
    const west = await createPractitioner(db, { discipline: "chiropractor", serviceIds: [service.id] });
    const days = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: "09:00", end: "12:00" }));
    await setWorkingHours(db, { practitionerId: east.id, locationId: ny.id, days });
    await setWorkingHours(db, { practitionerId: west.id, locationId: denver.id, days });
    // A winter weekday a couple of weeks out (EST and MST).
    let day = addDaysIso(localDate(new Date(), "America/Denver"), 14);
    while (isoWeekday(day) > 5) day = addDaysIso(day, 1);

    // Slots: each location answers in its own zone, with only its own practitioners' hours.
    const atDenver = await getPublicFreeSlots(db, { serviceSlug: service.slug, locationId: denver.id, from: day, to: day, firstAvailableOnly: false });
    expect(atDenver.timeZone).toBe("America/Denver");
    const denverSlots = atDenver.slots.map((s) => presentSlot(s, atDenver.timeZone));
    expect(new Set(denverSlots.map((s) => s.practitionerId))).toEqual(new Set([west.id]));
    expect(denverSlots[0]!.start).toMatch(new RegExp(`^${day}T09:00:00-0[67]:00$`));
    const atNy = await getPublicFreeSlots(db, { serviceSlug: service.slug, locationId: ny.id, from: day, to: day, firstAvailableOnly: false });
    expect(atNy.timeZone).toBe(NEW_YORK);
    expect(presentSlot(atNy.slots[0]!, atNy.timeZone).start).toMatch(new RegExp(`^${day}T09:00:00-0[45]:00$`));

    const patient = await createPatient(db, { fullName: "Two Zones" });
    const eastVisit = await createAppointment(db, { patientId: patient.id, practitionerId: east.id, service, locationId: ny.id, startsAt: zonedInstant(day, "09:00", NEW_YORK) });
    const westVisit = await createAppointment(db, { patientId: patient.id, practitionerId: west.id, service, locationId: denver.id, startsAt: zonedInstant(day, "09:00", "America/Denver") });

    const shown = (a: { startsAt: Date; timeZone: string }) => formatDateTime(a.startsAt, a.timeZone);
    // The same words on every surface: "…, 9:00 AM EST" in New York and "…, 9:00 AM MST" in Denver.
    const expectNine = (text: string, zone: "New York" | "Denver") => expect(text).toMatch(zone === "Denver" ? /9:00 AM M[SD]T/ : /9:00 AM E[SD]T/);

    // The patient's list (portal, desk patient page).
    const { upcoming } = await listPatientAppointments(db, patient.id);
    expectNine(shown(upcoming.find((a) => a.id === eastVisit.id)!), "New York");
    expectNine(shown(upcoming.find((a) => a.id === westVisit.id)!), "Denver");

    // The desk's "today" at 8 am Denver time: both visits are today, each in its own zone.
    const morning = zonedInstant(day, "08:00", "America/Denver");
    const today = await listTodaysVisits(db, morning);
    expectNine(shown(today.find((v) => v.id === eastVisit.id)!), "New York");
    expectNine(shown(today.find((v) => v.id === westVisit.id)!), "Denver");

    // Each practitioner's day.
    expectNine(shown((await listPractitionerDay(db, west.id, morning))[0]!), "Denver");
    expectNine(shown((await listPractitionerDay(db, east.id, morning))[0]!), "New York");

    // Emails and reminders.
    const westMail = reminderEmail(factsOf((await loadAppointmentDetails(db, westVisit.id))!, "http://clinic.test"));
    expectNine(westMail.text, "Denver");
    expect(westMail.text).toContain("Mountain");
    const eastMail = reminderEmail(factsOf((await loadAppointmentDetails(db, eastVisit.id))!, "http://clinic.test"));
    expectNine(eastMail.text, "New York");
    expect(eastMail.text).toContain("Eastern");
  });
});
