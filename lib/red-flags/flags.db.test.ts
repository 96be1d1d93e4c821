import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { appointments, auditEvents, cases, intakes, outboxEmails, patientRedFlags } from "@/db/schema";
import { createAppointment, createLocation, createPatient, createPractitioner, createService, createUser, setWorkingHours } from "@/db/seed/factories";
import type { CurrentUser } from "@/lib/auth/sessions";
import { createAppointmentRequest } from "@/lib/booking/create";
import { changeCaseStatus } from "@/lib/cases/commands";
import type { Discipline } from "@/lib/clinic/disciplines";
import { addDaysIso, isoWeekday, localDate, zonedInstant } from "@/lib/time";
import type { RedFlagCode } from "@/lib/triage/red-flags";
import { clearRedFlag, listPatientFlags } from "./flags";
import { NEW_YORK } from "@/db/testing/zones";

const NY = NEW_YORK;
const BASE = "http://clinic.test";
let location: { id: string };
let massage: Awaited<ReturnType<typeof createService>>;
let consult: Awaited<ReturnType<typeof createService>>;
let practitionerId: string;
let day: string;
const people = {} as Record<Discipline | "admin" | "staff", CurrentUser>;

async function person(role: "practitioner" | "admin" | "staff", discipline: Discipline | null): Promise<CurrentUser> {
  const u = await createUser(getDb(), { role });
  return { id: u.id, email: u.email, name: u.name, role, sessionId: "s", patientId: null, practitionerId: null, discipline };
}

beforeAll(async () => {
  const db = getDb();
  location = await createLocation(db);
  massage = await createService(db, { discipline: "massage_therapist", durationMinutes: 60, minNoticeMinutes: 60 });
  consult = await createService(db, { discipline: "spine_physician", durationMinutes: 30, needsReview: true, minNoticeMinutes: 60 });
  const p = await createPractitioner(db, { discipline: "massage_therapist", serviceIds: [massage.id, consult.id] });
  practitionerId = p.id;
  await setWorkingHours(db, { practitionerId: p.id, locationId: location.id, days: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: "07:00", end: "21:00" })) });
  for (const d of ["spine_physician", "nurse", "massage_therapist", "physical_therapist", "chiropractor"] as const) people[d] = await person("practitioner", d);
  people.admin = await person("admin", null);
  people.staff = await person("staff", null);
  day = addDaysIso(localDate(new Date(), NY), 10);
  while (isoWeekday(day) > 5) day = addDaysIso(day, 1);
});

let minute = 0;
/** Books through the real path; each call takes the next free quarter hour. */
async function book(patient: { email: string; dateOfBirth: string | null; id: string; userId?: string | null }, flags: RedFlagCode[], service = massage) {
  minute += 75;
  const start = zonedInstant(day, `${String(7 + Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`, NY);
  if (minute > 12 * 60) {
    minute = 0;
    day = addDaysIso(day, 1);
  }
  const outcome = await createAppointmentRequest(
    getDb(),
    {
      service: service.slug,
      practitionerId,
      start: start.toISOString(),
      patient: { name: "Flag Patient", email: patient.email, phone: "+1 212 555 0100", dateOfBirth: patient.dateOfBirth! },
      intake: { painStartedOn: "2026-01-01", painScore: 6, worseWith: "", notes: "", redFlags: flags },
    },
    // The sender proved the address with the /book code, so the request joins their record at once.
    { actor: null, baseUrl: BASE, verifiedEmail: patient.email },
  );
  if (outcome.kind !== "created") throw new Error(outcome.kind);
  return outcome.appointment;
}

const flagOf = async (patientId: string, code: string) =>
  (
    await getDb()
      .select()
      .from(patientRedFlags)
      .where(and(eq(patientRedFlags.patientId, patientId), eq(patientRedFlags.code, code)))
  )[0]!;
const clear = (flagId: string, who: CurrentUser, note = "Examined: no neurological deficit") => getDb().transaction((tx) => clearRedFlag(tx, { flagId, note, viewer: who }));

describe("clearance per flag", () => {
  it("is the spine physician's for an emergency flag, a spine physician's or a nurse's for the others", async () => {
    const patient = await createPatient(getDb());
    await book(patient, ["saddle_numbness", "cancer_history"], consult);
    const emergency = await flagOf(patient.id, "saddle_numbness");
    const later = await flagOf(patient.id, "cancer_history");
    for (const who of [people.nurse, people.massage_therapist, people.physical_therapist, people.chiropractor, people.admin, people.staff]) {
      await expect(clear(emergency.id, who)).rejects.toMatchObject({ code: "forbidden" });
    }
    for (const who of [people.massage_therapist, people.admin]) await expect(clear(later.id, who)).rejects.toMatchObject({ code: "forbidden" });
    await clear(later.id, people.nurse);
    await clear(emergency.id, people.spine_physician);
    await expect(clear(emergency.id, people.spine_physician)).rejects.toMatchObject({ code: "already_cleared" });

    const flags = await listPatientFlags(getDb(), patient.id);
    expect(flags.map((f) => [f.code, f.clearedAt !== null])).toEqual(
      expect.arrayContaining([
        ["saddle_numbness", true],
        ["cancer_history", true],
      ]),
    );
    const history = flags.find((f) => f.code === "saddle_numbness")!.history;
    expect(history.map((h) => h.kind)).toEqual(["reported", "cleared"]);
    expect(history[1]).toMatchObject({ note: "Examined: no neurological deficit" });
    const audits = await getDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.patientId, patient.id), eq(auditEvents.action, "red_flag.cleared")));
    expect(audits.map((a) => a.details.code).sort()).toEqual(["cancer_history", "saddle_numbness"]);
    expect(audits.find((a) => a.details.code === "saddle_numbness")!.actorUserId).toBe(people.spine_physician.id);
  });

  it("a flag reported again after clearance is uncleared again and holds hands-on care", async () => {
    const patient = await createPatient(getDb());
    await book(patient, ["fever_or_infection"], consult);
    await clear((await flagOf(patient.id, "fever_or_infection")).id, people.nurse);
    expect((await book(patient, [])).status).toBe("confirmed");
    const again = await book(patient, ["fever_or_infection"], consult);
    expect((await flagOf(patient.id, "fever_or_infection")).clearedAt).toBeNull();
    const massageAfter = await book(patient, []);
    expect(massageAfter).toMatchObject({ status: "requested", priority: "same_day" });
    const history = (await listPatientFlags(getDb(), patient.id))[0]!.history;
    expect(history.map((h) => h.kind)).toEqual(["reported", "cleared", "reported"]);
    expect(history[2]!.appointmentId).toBe(again.id);
  });

  it("new flags put the patient's upcoming confirmed hands-on visit back for review, and email them", async () => {
    const patient = await createPatient(getDb());
    const visit = await book(patient, []);
    expect(visit.status).toBe("confirmed");
    await book(patient, ["major_trauma"], consult);
    const [row] = await getDb().select({ status: appointments.status }).from(appointments).where(eq(appointments.id, visit.id));
    expect(row!.status).toBe("requested");
    const emails = await getDb().select({ kind: outboxEmails.kind }).from(outboxEmails).where(eq(outboxEmails.appointmentId, visit.id));
    expect(emails.map((e) => e.kind)).toContain("held_for_review");
    const [held] = await getDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, visit.id), eq(auditEvents.action, "appointment.held_for_review")));
    expect(held!.details).toMatchObject({ from: "confirmed", to: "requested", blockers: ["major_trauma"] });
  });
});

describe("closing a case", () => {
  it("with an uncleared emergency flag is a spine physician's decision with a reason; the flags follow the patient", async () => {
    const db = getDb();
    const patient = await createPatient(db);
    const first = await book(patient, ["bladder_bowel_change"], consult);
    const [{ caseId }] = (await db.select({ caseId: appointments.caseId }).from(appointments).where(eq(appointments.id, first.id))) as [{ caseId: string }];
    const discharge = (who: CurrentUser, reason?: string) => db.transaction((tx) => changeCaseStatus(tx, caseId, "discharged", who, {}, { reason }));
    for (const who of [people.massage_therapist, people.nurse, people.physical_therapist, people.admin])
      await expect(discharge(who, "Sent to the emergency department")).rejects.toMatchObject({ code: "forbidden" });
    await expect(discharge(people.spine_physician)).rejects.toMatchObject({ code: "invalid", fields: { reason: expect.any(String) } });
    await discharge(people.spine_physician, "Sent to the emergency department for an MRI");
    const [closed] = await db.select().from(cases).where(eq(cases.id, caseId));
    expect(closed).toMatchObject({ status: "discharged", dischargeReason: "Sent to the emergency department for an MRI" });

    // The next request opens a new case that still carries the uncleared flag, and hands-on care waits.
    const next = await book(patient, []);
    expect(next).toMatchObject({ status: "requested", priority: "emergency" });
    const [nextCase] = await db
      .select()
      .from(cases)
      .where(and(eq(cases.patientId, patient.id), eq(cases.status, "new")));
    expect(nextCase).toMatchObject({ redFlags: ["bladder_bowel_change"], priority: "emergency", awaitingReview: true });
    expect(nextCase!.id).not.toBe(caseId);
  });

  it("without serious flags is anyone's on the clinical team, reason optional", async () => {
    const db = getDb();
    const patient = await createPatient(db);
    const a = await book(patient, ["severe_night_pain"], consult);
    const [{ caseId }] = (await db.select({ caseId: appointments.caseId }).from(appointments).where(eq(appointments.id, a.id))) as [{ caseId: string }];
    await db.transaction((tx) => changeCaseStatus(tx, caseId, "discharged", people.massage_therapist));
    expect((await db.select({ s: cases.status }).from(cases).where(eq(cases.id, caseId)))[0]!.s).toBe("discharged");
  });
});

describe("minors", () => {
  it("are never confirmed at booking; the guardian's consent is kept with the intake; the desk confirms", async () => {
    const db = getDb();
    const outcome = await createAppointmentRequest(
      db,
      {
        service: massage.slug,
        practitionerId,
        start: zonedInstant(addDaysIso(day, 1), "20:00", NY).toISOString(),
        patient: { name: "Young Patient", email: "young@example.test", phone: "+1 212 555 0100", dateOfBirth: addDaysIso(localDate(new Date(), NY), -11 * 366) },
        intake: { painStartedOn: "2026-11-01", painScore: 4, worseWith: "", notes: "", redFlags: [] },
        guardian: { name: "Maria Young", relationship: "mother", consent: true },
      },
      { actor: null, baseUrl: BASE, verifiedEmail: "young@example.test" },
    );
    if (outcome.kind !== "created") throw new Error(outcome.kind);
    expect(outcome.appointment.status).toBe("requested");
    expect(outcome.appointment.triage.nextStep).toMatch(/under 18/);
    const [intake] = await db.select().from(intakes).where(eq(intakes.appointmentId, outcome.appointment.id));
    expect(intake).toMatchObject({ guardianName: "Maria Young", guardianRelationship: "mother" });
    expect(intake!.guardianConsentAt).toBeInstanceOf(Date);
    const { confirmRequest } = await import("@/lib/desk/commands");
    await db.transaction((tx) => confirmRequest(tx, outcome.appointment.id, people.staff, BASE));
    expect((await db.select({ s: appointments.status }).from(appointments).where(eq(appointments.id, outcome.appointment.id)))[0]!.s).toBe("confirmed");
  });
});

describe("a confirmed hands-on visit made before any flag", () => {
  it("cannot be completed once a flag is reported, and can after clearance", async () => {
    const db = getDb();
    const patient = await createPatient(db);
    const a = await createAppointment(db, {
      patientId: patient.id,
      practitionerId,
      service: massage,
      locationId: location.id,
      startsAt: zonedInstant(addDaysIso(day, 2), "08:00", NY),
      status: "confirmed",
    });
    await book(patient, ["immunosuppressed"], consult); // holds it back to requested
    expect((await db.select({ s: appointments.status }).from(appointments).where(eq(appointments.id, a.id)))[0]!.s).toBe("requested");
    const { markVisit } = await import("@/lib/desk/commands");
    await expect(db.transaction((tx) => markVisit(tx, a.id, "completed", people.staff))).rejects.toMatchObject({
      code: "hands_on_gate",
      message: expect.stringMatching(/a spine physician or a nurse can clear it/),
    });
    await clear((await flagOf(patient.id, "immunosuppressed")).id, people.nurse);
    await db.transaction((tx) => markVisit(tx, a.id, "completed", people.staff));
    expect((await db.select({ s: appointments.status }).from(appointments).where(eq(appointments.id, a.id)))[0]!.s).toBe("completed");
  });
});
