import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { appointments, auditEvents, intakes, outboxEmails, patients } from "@/db/schema";
import { createLocation, createPatient, createPractitioner, createService, createTimeOff, createUser, reportFlags, setWorkingHours, uniqueEmail } from "@/db/seed/factories";
import type { CurrentUser } from "@/lib/auth/sessions";
import { createAppointmentRequest } from "@/lib/booking/create";
import { cancelAppointment } from "@/lib/booking/manage";
import { getCaseRecord } from "@/lib/cases/record";
import { getClinicSettings } from "@/lib/cases/settings";
import { DomainError } from "@/lib/errors";
import { updatePatientContact } from "@/lib/patients/commands";
import { getPatientForDesk } from "@/lib/patients/queries";
import { addDaysIso, isoWeekday, localDate, zonedInstant } from "@/lib/time";
import { staffCancelAppointment, staffMoveAppointment } from "./commands";
import { NEW_YORK } from "@/db/testing/zones";

/** Issue 12: the desk cancels and moves with reasons, late cancellations, the patient's contact details. */
const NY = NEW_YORK;
const BASE = "http://clinic.test";
const HOUR = 3_600_000;

let cursor = addDaysIso(localDate(new Date(), NY), 5);
function futureWeekday(): string {
  do cursor = addDaysIso(cursor, 1);
  while (isoWeekday(cursor) > 5);
  return cursor;
}

let w: { slug: string; serviceId: string; therapist: string; other: string; locationId: string; staff: CurrentUser; admin: CurrentUser };
const userOf = (u: { id: string; email: string; name: string }, role: "staff" | "admin"): CurrentUser => ({ ...u, role, sessionId: "s", patientId: null, practitionerId: null, discipline: null });

beforeAll(async () => {
  const db = getDb();
  const location = await createLocation(db);
  const massage = await createService(db, { discipline: "massage_therapist", durationMinutes: 60, minNoticeMinutes: 60, cancellationCutoffHours: 24 });
  const therapist = await createPractitioner(db, { discipline: "massage_therapist", serviceIds: [massage.id] });
  const other = await createPractitioner(db, { discipline: "massage_therapist", serviceIds: [massage.id] });
  for (const p of [therapist, other]) {
    await setWorkingHours(db, { practitionerId: p.id, locationId: location.id, days: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: "09:00", end: "17:00" })) });
  }
  w = {
    slug: massage.slug,
    serviceId: massage.id,
    therapist: therapist.id,
    other: other.id,
    locationId: location.id,
    staff: userOf(await createUser(db, { role: "staff" }), "staff"),
    admin: userOf(await createUser(db, { role: "admin" }), "admin"),
  };
});

/** The desk books on the phone (intake, case and confirmation), as it does for a caller. */
async function booked(date: string, time: string, email = uniqueEmail("staffcx")) {
  const outcome = await createAppointmentRequest(
    getDb(),
    {
      service: w.slug,
      practitionerId: w.therapist,
      start: zonedInstant(date, time, NY).toISOString(),
      patient: { name: "Casey Caller", email, phone: "+1 212 555 0199", dateOfBirth: "1979-07-07" },
      intake: { painStartedOn: "2026-01-01", painScore: 5, worseWith: "lifting", redFlags: [], notes: "" },
    },
    { actor: { id: w.staff.id, role: "staff" }, baseUrl: BASE },
  );
  if (outcome.kind !== "created") throw new Error(`expected a booking, got ${outcome.kind}`);
  const [row] = await getDb().select().from(appointments).where(eq(appointments.id, outcome.appointment.id));
  return row!;
}

const rowOf = async (id: string) => (await getDb().select().from(appointments).where(eq(appointments.id, id)))[0]!;
const eventsOf = (id: string, action: string) =>
  getDb()
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, action)));

describe("staff cancel", () => {
  it("works inside the patient's cutoff, records the reason, late on the patient's side, and emails the patient", async () => {
    const a = await booked(futureWeekday(), "10:00");
    const now = new Date(a.startsAt.getTime() - 2 * HOUR);
    // The patient's own link is refused here...
    expect(await cancelAppointment(getDb(), { appointmentId: a.id, reason: "", enforceCutoff: true, actor: null, baseUrl: BASE, now })).toEqual({ kind: "not_allowed", reason: "past_cutoff" });
    // ...the desk, on the phone with them, is not.
    const done = await staffCancelAppointment(getDb(), { appointmentId: a.id, reason: "patient_called", note: "Child is ill", actor: w.staff, baseUrl: BASE, now });
    expect(done.status).toBe("cancelled");
    expect(await rowOf(a.id)).toMatchObject({ status: "cancelled", cancelReason: "patient_called", cancelledBy: "patient", cancelledLate: true, statusReason: "Child is ill" });
    const [event] = await eventsOf(a.id, "appointment.cancelled");
    expect(event).toMatchObject({ actorUserId: w.staff.id, actorRole: "staff", caseId: a.caseId });
    expect(event!.details).toMatchObject({ reason: "patient_called", late: true, side: "patient", by: "staff" });
    expect(JSON.stringify(event!.details)).not.toContain("Child is ill");
    const emails = await getDb().select().from(outboxEmails).where(eq(outboxEmails.appointmentId, a.id));
    expect(emails.map((e) => e.kind)).toContain("cancelled");
    // The case timeline says who and why, in words.
    const physician = await createPractitioner(getDb(), { discipline: "spine_physician", account: { email: uniqueEmail("doc") } });
    const viewer = {
      id: physician.user!.id,
      email: physician.user!.email,
      name: "Doc",
      role: "practitioner" as const,
      sessionId: "s",
      patientId: null,
      practitionerId: physician.id,
      discipline: "spine_physician" as const,
    };
    const record = await getCaseRecord(getDb(), a.caseId!, viewer, await getClinicSettings(getDb()));
    expect(record?.timeline.map((t) => t.title)).toContain(`Appointment cancelled (late): The patient called — by ${w.staff.name}`);
  });

  it("is never late for a clinic-side reason, even an hour before", async () => {
    const a = await booked(futureWeekday(), "11:00");
    await staffCancelAppointment(getDb(), { appointmentId: a.id, reason: "practitioner_ill", note: "", actor: w.admin, baseUrl: BASE, now: new Date(a.startsAt.getTime() - HOUR) });
    expect(await rowOf(a.id)).toMatchObject({ status: "cancelled", cancelReason: "practitioner_ill", cancelledBy: "clinic", cancelledLate: false });
  });

  it("is not late outside the cutoff", async () => {
    const a = await booked(futureWeekday(), "12:00");
    await staffCancelAppointment(getDb(), { appointmentId: a.id, reason: "patient_called", note: "", actor: w.staff, baseUrl: BASE, now: new Date(a.startsAt.getTime() - 30 * HOUR) });
    expect((await rowOf(a.id)).cancelledLate).toBe(false);
  });

  it("refuses a past or already cancelled appointment", async () => {
    const a = await booked(futureWeekday(), "13:00");
    const after = new Date(a.startsAt.getTime() + HOUR);
    await expect(staffCancelAppointment(getDb(), { appointmentId: a.id, reason: "other", note: "", actor: w.staff, baseUrl: BASE, now: after })).rejects.toMatchObject({
      code: "invalid",
      key: "not_upcoming",
    });
    await staffCancelAppointment(getDb(), { appointmentId: a.id, reason: "other", note: "", actor: w.staff, baseUrl: BASE });
    await expect(staffCancelAppointment(getDb(), { appointmentId: a.id, reason: "other", note: "", actor: w.staff, baseUrl: BASE })).rejects.toBeInstanceOf(DomainError);
  });

  it("counts a patient's late cancellation through their own link as late too, and counts no-shows", async () => {
    const a = await booked(futureWeekday(), "14:00");
    // Inside the cutoff (a path with no cutoff check, as the desk on the patient's behalf would be).
    await cancelAppointment(getDb(), { appointmentId: a.id, reason: "", enforceCutoff: false, actor: null, baseUrl: BASE, now: new Date(a.startsAt.getTime() - 3 * HOUR) });
    expect(await rowOf(a.id)).toMatchObject({ cancelledBy: "patient", cancelledLate: true, cancelReason: null });
    const data = await getPatientForDesk(getDb(), a.patientId);
    expect(data?.counts).toEqual({ lateCancellations: 1, noShows: 0 });
  });
});

describe("staff move", () => {
  it("moves to another practitioner offering the service, keeping the intake and the case, and emails the patient", async () => {
    const date = futureWeekday();
    const a = await booked(date, "09:00");
    expect(a.caseId).toBeTruthy();
    const start = zonedInstant(date, "15:00", NY);
    const outcome = await staffMoveAppointment(getDb(), { appointmentId: a.id, practitionerId: w.other, start, reason: "practitioner_ill", actor: w.staff, baseUrl: BASE });
    expect(outcome.kind).toBe("done");
    const moved = await rowOf(a.id);
    expect(moved).toMatchObject({ practitionerId: w.other, caseId: a.caseId, status: "confirmed", locationId: w.locationId });
    expect(moved.startsAt.toISOString()).toBe(start.toISOString());
    const [intake] = await getDb().select().from(intakes).where(eq(intakes.appointmentId, a.id));
    expect(intake).toMatchObject({ worseWith: "lifting", painScore: 5 });
    const [event] = await eventsOf(a.id, "appointment.rescheduled");
    expect(event!.details).toMatchObject({ reason: "practitioner_ill", fromPractitioner: w.therapist, toPractitioner: w.other, toStart: start.toISOString() });
    const emails = await getDb().select().from(outboxEmails).where(eq(outboxEmails.appointmentId, a.id));
    expect(emails.map((e) => e.kind)).toContain("changed");
  });

  it("refuses a move into the practitioner's time off and changes nothing", async () => {
    const date = futureWeekday();
    const a = await booked(date, "09:00");
    await createTimeOff(getDb(), { practitionerId: w.other, startsAt: zonedInstant(date, "13:00", NY), endsAt: zonedInstant(date, "17:00", NY), reason: "dentist" });
    const outcome = await staffMoveAppointment(getDb(), {
      appointmentId: a.id,
      practitionerId: w.other,
      start: zonedInstant(date, "14:00", NY),
      reason: "patient_called",
      actor: w.staff,
      baseUrl: BASE,
    });
    expect(["slot_unavailable", "slot_taken"]).toContain(outcome.kind);
    const row = await rowOf(a.id);
    expect(row).toMatchObject({ practitionerId: w.therapist, status: "confirmed" });
    expect(row.startsAt.toISOString()).toBe(a.startsAt.toISOString());
  });

  it("refuses to move a confirmed hands-on visit of a patient with an uncleared red flag, with the gate's reason", async () => {
    const date = futureWeekday();
    const a = await booked(date, "10:00");
    expect(a.status).toBe("confirmed");
    // A flag reported after the visit was confirmed (nothing has held it yet).
    await reportFlags(getDb(), { patientId: a.patientId, codes: ["saddle_numbness"], caseId: a.caseId });
    const err = await staffMoveAppointment(getDb(), {
      appointmentId: a.id,
      practitionerId: w.other,
      start: zonedInstant(date, "16:00", NY),
      reason: "patient_called",
      actor: w.staff,
      baseUrl: BASE,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect(err).toMatchObject({ code: "hands_on_gate", key: "move" });
    expect((err as Error).message).toContain("Numbness around your groin");
    const row = await rowOf(a.id);
    expect(row).toMatchObject({ status: "confirmed", practitionerId: w.therapist });
    expect(row.startsAt.toISOString()).toBe(a.startsAt.toISOString());
    expect(await eventsOf(a.id, "appointment.rescheduled")).toHaveLength(0);
  });
});

describe("desk booking from the patient's page", () => {
  it("attaches the booking to that record, whatever contact the form carried", async () => {
    const p = await createPatient(getDb(), { fullName: "Hub Patient", email: uniqueEmail("hub"), dateOfBirth: "1970-01-01" });
    const outcome = await createAppointmentRequest(
      getDb(),
      {
        service: w.slug,
        practitionerId: w.therapist,
        start: zonedInstant(futureWeekday(), "10:00", NY).toISOString(),
        patient: { name: "Someone Else", email: uniqueEmail("typed"), phone: "+1 212 555 0100", dateOfBirth: "1990-01-01" },
        intake: { painStartedOn: "2026-01-01", painScore: 3, worseWith: "", redFlags: [], notes: "" },
      },
      { actor: { id: w.staff.id, role: "staff" }, baseUrl: BASE, patientId: p.id },
    );
    if (outcome.kind !== "created") throw new Error(outcome.kind);
    expect((await rowOf(outcome.appointment.id)).patientId).toBe(p.id);
  });
});

describe("patient contact", () => {
  it("is changed by the desk, audited with the fields that changed and not their values", async () => {
    const p = await createPatient(getDb(), { fullName: "Old Name", email: uniqueEmail("contact"), phone: "+1 212 555 0000" });
    const email = uniqueEmail("contact-new");
    const result = await getDb().transaction((tx) => updatePatientContact(tx, { patientId: p.id, name: "New Name", email, phone: p.phone, actor: w.staff }));
    expect(result.changed).toEqual(["name", "email"]);
    const [row] = await getDb().select().from(patients).where(eq(patients.id, p.id));
    expect(row).toMatchObject({ fullName: "New Name", email });
    const events = await getDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.patientId, p.id), eq(auditEvents.action, "patient.contact_updated")));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorUserId: w.staff.id, details: { fields: ["name", "email"] } });
    expect(JSON.stringify(events[0]!.details)).not.toContain("New Name");
    // No change, no event.
    await getDb().transaction((tx) => updatePatientContact(tx, { patientId: p.id, name: "New Name", email, phone: p.phone, actor: w.staff }));
    expect(
      await getDb()
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.patientId, p.id), eq(auditEvents.action, "patient.contact_updated"))),
    ).toHaveLength(1);
  });
});
