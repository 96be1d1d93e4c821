import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, rowsOf } from "@/db/client";
import { appointments, auditEvents, cases, outboxEmails, painScores, patientRedFlags, patients } from "@/db/schema";
import { createCase, createLocation, createPatient, createPractitioner, createService, createUser, setWorkingHours } from "@/db/seed/factories";
import { codeFromOutbox } from "@/db/testing/outbox";
import { bookingOutcomeResponse } from "@/lib/booking/api";
import { createAppointmentRequest, type BookingOutcome } from "@/lib/booking/create";
import type { AppointmentRequest } from "@/lib/booking/schemas";
import { addDaysIso, isoWeekday, localDate, zonedInstant } from "@/lib/time";
import { MAX_CODE_ATTEMPTS } from "./challenges";
import { expireOverdueRequests, verifyRequestByCode, verifyRequestByDesk } from "./requests";
import { NEW_YORK } from "@/db/testing/zones";

/**
 * Issue 10: an anonymous request with a real patient's email and date of birth changes nothing of theirs
 * until the address's owner proves it; the answer is the same as for an unknown address.
 */
const NY = NEW_YORK;
const BASE = "http://clinic.test";
let massage: Awaited<ReturnType<typeof createService>>;
let practitionerId: string;
let day: string;
let slot = 0;

beforeAll(async () => {
  const db = getDb();
  const location = await createLocation(db);
  massage = await createService(db, { discipline: "massage_therapist", durationMinutes: 30, minNoticeMinutes: 60 });
  const p = await createPractitioner(db, { discipline: "massage_therapist", serviceIds: [massage.id] });
  practitionerId = p.id;
  await setWorkingHours(db, { practitionerId: p.id, locationId: location.id, days: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: "07:00", end: "21:00" })) });
  day = addDaysIso(localDate(new Date(), NY), 5);
  while (isoWeekday(day) > 5) day = addDaysIso(day, 1);
});

function nextStart(): string {
  slot += 1;
  const minutes = 7 * 60 + slot * 45;
  return zonedInstant(
    addDaysIso(day, Math.floor(minutes / (13 * 60))),
    `${String(Math.floor((minutes % (13 * 60)) / 60) + 7).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`,
    NY,
  ).toISOString();
}

const request = (patient: { email: string; dateOfBirth: string; name?: string }, redFlags: AppointmentRequest["intake"]["redFlags"] = [], notes = ""): AppointmentRequest => ({
  service: massage.slug,
  practitionerId,
  start: nextStart(),
  patient: { name: patient.name ?? "Someone Else", email: patient.email, phone: "+1 212 555 0999", dateOfBirth: patient.dateOfBirth },
  intake: { painStartedOn: "2026-01-01", painScore: 10, worseWith: "", notes, redFlags },
});

const anonymous = (input: AppointmentRequest) => createAppointmentRequest(getDb(), input, { actor: null, baseUrl: BASE });
const created = (o: BookingOutcome) => {
  if (o.kind !== "created") throw new Error(o.kind);
  return o.appointment;
};

/** Everything of a patient's record the issue lists: case, flags, clearances, pain, portal appointments, audit. */
async function recordOf(patientId: string) {
  const db = getDb();
  const [c] = await db.select().from(cases).where(eq(cases.patientId, patientId));
  return {
    case: c ? { priority: c.priority, redFlags: c.redFlags, awaitingReview: c.awaitingReview, status: c.status } : null,
    flags: await db.select({ code: patientRedFlags.code, clearedAt: patientRedFlags.clearedAt }).from(patientRedFlags).where(eq(patientRedFlags.patientId, patientId)),
    pain: c ? (await db.select({ score: painScores.score }).from(painScores).where(eq(painScores.caseId, c.id))).length : 0,
    appointments: (await db.select({ id: appointments.id }).from(appointments).where(eq(appointments.patientId, patientId))).length,
    audit: rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from audit_events where patient_id = ${patientId}`))[0]!.n,
    emails: (
      await db
        .select({ id: outboxEmails.id })
        .from(outboxEmails)
        .where(eq(outboxEmails.toAddress, (await db.select({ e: patients.email }).from(patients).where(eq(patients.id, patientId)))[0]!.e))
    ).length,
  };
}

describe("an anonymous request with a real patient's email and date of birth", () => {
  it("changes nothing of that patient and gets the same answer as an unknown address", async () => {
    const db = getDb();
    const ana = await createPatient(db, { email: `ana-${Date.now()}@example.test`, dateOfBirth: "1984-06-12", account: {} });
    await createCase(db, { patientId: ana.id, status: "in_care" });
    const before = await recordOf(ana.id);

    const stranger = created(await anonymous(request({ email: ana.email, dateOfBirth: "1984-06-12", name: "Made Up" }, ["saddle_numbness", "bladder_bowel_change"], "I am the patient")));
    const unknown = created(
      await anonymous(request({ email: `nobody-${Date.now()}@example.test`, dateOfBirth: "1984-06-12", name: "Made Up" }, ["saddle_numbness", "bladder_bowel_change"], "I am the patient")),
    );

    const after = await recordOf(ana.id);
    expect({ ...after, emails: undefined }).toEqual({ ...before, emails: undefined });
    // Only the code email reaches her address — the same one an unknown address gets.
    expect(after.emails - before.emails).toBe(1);

    const shape = (o: typeof stranger) => {
      const { body, status } = bookingOutcomeResponse({ kind: "created", appointment: o }, { emergencyNumber: "911" });
      const b = body as Record<string, unknown>;
      return { status, keys: Object.keys(b).sort(), apptStatus: b.status, priority: b.priority, emergency: b.emergencyAdvice, nextStep: b.nextStep };
    };
    expect(shape(stranger)).toEqual(shape(unknown));
    expect(shape(stranger)).toMatchObject({ status: 201, apptStatus: "pending_verification", priority: "emergency" });
    expect(shape(stranger).keys).toEqual(["emergencyAdvice", "end", "id", "manageUrl", "nextStep", "priority", "start", "status", "verification"]);
  });

  it("joins the record after the owner's verification, and then the hands-on gate sees the whole record", async () => {
    const db = getDb();
    const ben = await createPatient(db, { email: `ben-${Date.now()}@example.test`, dateOfBirth: "1971-11-03" });
    await createCase(db, { patientId: ben.id, redFlags: ["cancer_history"] });
    const pending = created(await anonymous(request({ email: ben.email, dateOfBirth: "1971-11-03", name: "Ben Carter" })));
    expect(pending.status).toBe("pending_verification");
    const code = await codeFromOutbox(db, { appointmentId: pending.id });
    const verified = await verifyRequestByCode(db, { appointmentId: pending.id, code, baseUrl: BASE });
    expect(verified).toMatchObject({ kind: "verified", patientId: ben.id, status: "requested", triage: { priority: "within_48h" } });
    const [row] = await db
      .select({ patientId: appointments.patientId, caseId: appointments.caseId, pending: appointments.verificationExpiresAt })
      .from(appointments)
      .where(eq(appointments.id, pending.id));
    expect(row).toMatchObject({ patientId: ben.id, pending: null });
    expect(row!.caseId).not.toBeNull();
    const [audit] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, pending.id), eq(auditEvents.action, "appointment.verified")));
    expect(audit).toMatchObject({ patientId: ben.id, details: { via: "code", joinedExisting: true } });
  });

  it("an unknown address becomes a new patient once verified, and a clean massage is confirmed", async () => {
    const db = getDb();
    const email = `new-${Date.now()}@example.test`;
    const pending = created(await anonymous(request({ email, dateOfBirth: "1990-01-01", name: "New Person" })));
    const verified = await verifyRequestByCode(db, { appointmentId: pending.id, code: await codeFromOutbox(db, { appointmentId: pending.id }), baseUrl: BASE });
    expect(verified).toMatchObject({ kind: "verified", status: "confirmed" });
    const [p] = await db.select().from(patients).where(eq(patients.email, email));
    expect(p).toMatchObject({ isProvisional: false, fullName: "New Person" });
  });
});

describe("codes and holds", () => {
  it("five wrong codes end the request and free its time", async () => {
    const db = getDb();
    const pending = created(await anonymous(request({ email: `wrong-${Date.now()}@example.test`, dateOfBirth: "1990-01-01" })));
    const right = await codeFromOutbox(db, { appointmentId: pending.id });
    const wrong = right === "000000" ? "111111" : "000000";
    for (let i = 1; i < MAX_CODE_ATTEMPTS; i++)
      expect(await verifyRequestByCode(db, { appointmentId: pending.id, code: wrong, baseUrl: BASE })).toEqual({ kind: "wrong_code", attemptsLeft: MAX_CODE_ATTEMPTS - i });
    expect(await verifyRequestByCode(db, { appointmentId: pending.id, code: wrong, baseUrl: BASE })).toEqual({ kind: "expired" });
    expect(await verifyRequestByCode(db, { appointmentId: pending.id, code: right, baseUrl: BASE })).toEqual({ kind: "not_pending" });
    const [row] = await db.select({ status: appointments.status, reason: appointments.statusReason }).from(appointments).where(eq(appointments.id, pending.id));
    expect(row).toEqual({ status: "cancelled", reason: "verification_failed" });
  });

  it("an expired hold frees the time (the sweep writes nothing else) and the time can be booked again", async () => {
    const db = getDb();
    const input = request({ email: `late-${Date.now()}@example.test`, dateOfBirth: "1990-01-01" });
    const pending = created(await anonymous(input));
    expect((await createAppointmentRequest(db, { ...input, patient: { ...input.patient, email: `other-${Date.now()}@example.test` } }, { actor: null, baseUrl: BASE })).kind).toBe("slot_taken");
    const emailsBefore = (await db.select({ id: outboxEmails.id }).from(outboxEmails)).length;
    expect(await expireOverdueRequests(db, new Date(Date.now() + 29 * 60_000))).toBe(0);
    expect(await expireOverdueRequests(db, new Date(Date.now() + 31 * 60_000))).toBeGreaterThanOrEqual(1);
    const [row] = await db.select({ status: appointments.status, caseId: appointments.caseId }).from(appointments).where(eq(appointments.id, pending.id));
    expect(row).toEqual({ status: "cancelled", caseId: null });
    expect((await db.select({ id: outboxEmails.id }).from(outboxEmails)).length).toBe(emailsBefore);
    expect((await createAppointmentRequest(db, { ...input, patient: { ...input.patient, email: `third-${Date.now()}@example.test` } }, { actor: null, baseUrl: BASE })).kind).toBe("created");
  });

  it("an emergency answer reaches the desk at once, unverified, and the desk cannot confirm it before verifying", async () => {
    const db = getDb();
    const pending = created(await anonymous(request({ email: `urgent-${Date.now()}@example.test`, dateOfBirth: "1960-01-01", name: "Urgent Caller" }, ["saddle_numbness"])));
    expect(pending.triage.showEmergencyAdvice).toBe(true);
    const { listDeskRequests } = await import("@/lib/desk/queries");
    const { DEFAULT_THRESHOLDS } = await import("@/lib/triage/assess");
    const desk = (await listDeskRequests(db, DEFAULT_THRESHOLDS)).find((r) => r.id === pending.id);
    expect(desk).toMatchObject({ awaitingVerification: true, priority: "emergency", patientPhone: "+1 212 555 0999" });
    const staff = await createUser(db, { role: "staff" });
    const actor = { id: staff.id, email: staff.email, name: staff.name, role: "staff" as const, sessionId: "s", patientId: null, practitionerId: null, discipline: null };
    const { confirmRequest } = await import("@/lib/desk/commands");
    await expect(db.transaction((tx) => confirmRequest(tx, pending.id, actor, BASE))).rejects.toMatchObject({ code: "unverified" });

    // The desk checks the caller on the phone and links the request to an existing patient.
    const existing = await createPatient(db, { fullName: "Urgent Caller", dateOfBirth: "1960-01-01" });
    const outcome = await db.transaction((tx) => verifyRequestByDesk(tx, { appointmentId: pending.id, actor, linkToPatientId: existing.id, baseUrl: BASE }));
    expect(outcome).toMatchObject({ kind: "verified", patientId: existing.id, status: "requested" });
    const [flag] = await db.select().from(patientRedFlags).where(eq(patientRedFlags.patientId, existing.id));
    expect(flag).toMatchObject({ code: "saddle_numbness", clearedAt: null });
  });
});
