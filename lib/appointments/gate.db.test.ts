import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { isHandsOnGateViolation } from "@/db/errors";
import { appointments } from "@/db/schema";
import {
  clearFlags,
  createAppointment,
  createCase,
  createIntake,
  createLocation,
  createPatient,
  createPractitioner,
  createService,
  createUser,
  reportFlags,
  setWorkingHours,
} from "@/db/seed/factories";
import type { CurrentUser } from "@/lib/auth/sessions";
import { createAppointmentRequest } from "@/lib/booking/create";
import { codeFromOutbox } from "@/db/testing/outbox";
import { verifyRequestByCode } from "@/lib/verification/requests";
import { acceptProposal, rescheduleAppointment } from "@/lib/booking/manage";
import { confirmRequest, markVisit, proposeTime } from "@/lib/desk/commands";
import { addDaysIso, isoWeekday, localDate, zonedInstant } from "@/lib/time";
import type { Priority, RedFlagCode } from "@/lib/triage/red-flags";
import type { AppointmentStatus } from "./status";
import { NEW_YORK } from "@/db/testing/zones";

/**
 * The hands-on gate on every path to confirmed or completed (issue 9): path × the patient's flag state ×
 * who acts, asserting the status and the error. Every row that refuses or holds is tried again as a
 * direct SQL update (bypassing the lifecycle): the database trigger refuses it too.
 */
const NY = NEW_YORK;
const BASE = "http://clinic.test";

type FlagState = "none" | "this_request" | "on_case" | "other_request" | "cleared" | "re_reported";
type Path = "booking_api" | "book_signed_in" | "desk_phone_booking" | "desk_confirm" | "propose_accept" | "reschedule_link" | "walk_in_complete" | "complete_visit";
type Actor = "anonymous" | "patient" | "staff" | "admin";

const FLAG: RedFlagCode = "saddle_numbness"; // emergency: only a spine physician clears it
const OTHER_FLAG: RedFlagCode = "cancer_history"; // within 48 h

const STATES: FlagState[] = ["none", "this_request", "on_case", "other_request", "cleared", "re_reported"];
const UNCLEARED = new Set<FlagState>(["this_request", "on_case", "other_request", "re_reported"]);

/** Which actor each path is tried as (the desk paths alternate staff and admin). */
const PATHS: Array<{ path: Path; actors: Actor[]; success: AppointmentStatus; blocked: { status: AppointmentStatus; error?: string } }> = [
  // Anonymous: verified with the emailed code first (issue 10), then the gate sees the whole record.
  { path: "booking_api", actors: ["anonymous"], success: "confirmed", blocked: { status: "requested" } },
  { path: "book_signed_in", actors: ["patient"], success: "confirmed", blocked: { status: "requested" } },
  { path: "desk_phone_booking", actors: ["staff"], success: "confirmed", blocked: { status: "requested" } },
  { path: "desk_confirm", actors: ["staff", "admin"], success: "confirmed", blocked: { status: "requested", error: "hands_on_gate" } },
  { path: "propose_accept", actors: ["staff", "admin"], success: "confirmed", blocked: { status: "requested" } },
  { path: "reschedule_link", actors: ["patient"], success: "confirmed", blocked: { status: "requested" } },
  { path: "walk_in_complete", actors: ["staff", "admin"], success: "completed", blocked: { status: "requested", error: "hands_on_gate" } },
  { path: "complete_visit", actors: ["staff", "admin"], success: "completed", blocked: { status: "confirmed", error: "hands_on_gate" } },
];

type Row = { path: Path; state: FlagState; actor: Actor; status: AppointmentStatus; error?: string };
const ROWS: Row[] = PATHS.flatMap((p) =>
  STATES.map((state, i) => {
    const actor = p.actors[i % p.actors.length]!;
    if (!UNCLEARED.has(state)) return { path: p.path, state, actor, status: p.success };
    // A visit confirmed before the flag arrived stays confirmed until someone acts; completing it is refused.
    if (p.path === "complete_visit" && state === "this_request") return { path: p.path, state, actor, status: "requested", error: "hands_on_gate" };
    return { path: p.path, state, actor, status: p.blocked.status, ...(p.blocked.error ? { error: p.blocked.error } : {}) };
  }),
);

let location: { id: string };
let massage: Awaited<ReturnType<typeof createService>>;
let therapy: Awaited<ReturnType<typeof createService>>;
let physician: { id: string };
let desk: Record<"staff" | "admin", CurrentUser>;
let day: string;

const userOf = (u: { id: string; email: string; name: string }, role: "staff" | "admin"): CurrentUser => ({ ...u, role, sessionId: "s", patientId: null, practitionerId: null, discipline: null });

beforeAll(async () => {
  const db = getDb();
  location = await createLocation(db);
  massage = await createService(db, { discipline: "massage_therapist", durationMinutes: 60, minNoticeMinutes: 60, cancellationCutoffHours: 24 });
  therapy = await createService(db, { discipline: "physical_therapist", durationMinutes: 45, minNoticeMinutes: 60 });
  expect(massage.isHandsOn).toBe(true);
  expect(therapy.isHandsOn).toBe(false);
  physician = await createUser(db, { role: "practitioner" });
  desk = { staff: userOf(await createUser(db, { role: "staff" }), "staff"), admin: userOf(await createUser(db, { role: "admin" }), "admin") };
  day = addDaysIso(localDate(new Date(), NY), 8);
  while (isoWeekday(day) > 5) day = addDaysIso(day, 1);
});

const statusOf = async (id: string) => (await getDb().select({ s: appointments.status }).from(appointments).where(eq(appointments.id, id)))[0]!.s;

/**
 * A patient in the given flag state. `existing`: a massage appointment made before the flags arrived
 * (as it would have been), its own intake flagged in "this_request".
 */
async function world(state: FlagState, existing?: AppointmentStatus) {
  const db = getDb();
  const practitioner = await createPractitioner(db, { discipline: "massage_therapist", serviceIds: [massage.id, therapy.id] });
  await setWorkingHours(db, { practitionerId: practitioner.id, locationId: location.id, days: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: "08:00", end: "20:00" })) });
  const patient = await createPatient(db, { account: {}, dateOfBirth: "1980-03-04" });
  const at = (time: string) => zonedInstant(day, time, NY);
  const c = await createCase(db, { patientId: patient.id });
  let appointmentId = "";
  if (existing) {
    const a = await createAppointment(db, { patientId: patient.id, practitionerId: practitioner.id, service: massage, locationId: location.id, startsAt: at("10:00"), status: existing });
    appointmentId = a.id;
    await db.update(appointments).set({ caseId: c.id }).where(eq(appointments.id, a.id));
    await createIntake(db, {
      appointmentId: a.id,
      painStartedOn: "2026-01-01",
      painScore: 6,
      redFlags: state === "this_request" ? [FLAG] : [],
      priority: state === "this_request" ? "emergency" : "routine",
    });
    if (state === "this_request") await reportFlags(db, { patientId: patient.id, codes: [FLAG], caseId: c.id, appointmentId: a.id });
  }
  if (state === "on_case") await reportFlags(db, { patientId: patient.id, codes: [FLAG], caseId: c.id });
  if (state === "other_request" || state === "re_reported" || state === "cleared") {
    // Another open request of the patient (physical therapy, not hands-on) that reported a flag.
    const other = await createAppointment(db, { patientId: patient.id, practitionerId: practitioner.id, service: therapy, locationId: location.id, startsAt: at("17:00"), status: "requested" });
    await createIntake(db, { appointmentId: other.id, painStartedOn: "2026-01-01", painScore: 5, redFlags: [OTHER_FLAG], priority: "within_48h" });
    await reportFlags(db, { patientId: patient.id, codes: [OTHER_FLAG], caseId: c.id, appointmentId: other.id });
  }
  if (state === "cleared" || state === "re_reported") await clearFlags(db, { patientId: patient.id, clearedBy: physician.id, at: new Date(Date.now() - 60_000) });
  if (state === "re_reported") await reportFlags(db, { patientId: patient.id, codes: [OTHER_FLAG], caseId: c.id });
  const request = {
    service: massage.slug,
    practitionerId: practitioner.id,
    start: at("10:00").toISOString(),
    patient: { name: "Pat Gate", email: patient.email, phone: "+1 212 555 0100", dateOfBirth: "1980-03-04" },
    intake: { painStartedOn: "2026-01-01", painScore: 6, worseWith: "", notes: "", redFlags: state === "this_request" ? [FLAG] : [] },
  };
  return { patient, appointmentId, request, at };
}

async function runPath(row: Row): Promise<{ id: string; error?: string; priority?: Priority }> {
  const db = getDb();
  const existing: Partial<Record<Path, AppointmentStatus>> = {
    desk_confirm: "requested",
    propose_accept: "requested",
    walk_in_complete: "requested",
    reschedule_link: row.state === "this_request" ? "requested" : "confirmed",
    // "this_request": the visit's own request carried the flag, so it was never confirmed.
    complete_visit: row.state === "this_request" ? "requested" : "confirmed",
  };
  const w = await world(row.state, existing[row.path]);
  const id = w.appointmentId;
  const attempt = async (run: () => Promise<unknown>) => {
    try {
      await run();
      return undefined;
    } catch (err) {
      return (err as { code?: string }).code ?? String(err);
    }
  };
  switch (row.path) {
    case "booking_api":
    case "book_signed_in":
    case "desk_phone_booking": {
      const actor =
        row.path === "booking_api"
          ? null
          : row.path === "book_signed_in"
            ? { id: w.patient.user!.id, role: "patient" as const, patientId: w.patient.id }
            : { id: desk.staff.id, role: "staff" as const };
      const outcome = await createAppointmentRequest(db, w.request, { actor, baseUrl: BASE });
      if (outcome.kind !== "created") throw new Error(`expected a booking, got ${outcome.kind}`);
      if (row.path !== "booking_api") return { id: outcome.appointment.id, priority: outcome.appointment.priority };
      // Anonymous: the request stands alone until the sender proves the address with the emailed code.
      expect(outcome.appointment.status).toBe("pending_verification");
      const code = await codeFromOutbox(db, { appointmentId: outcome.appointment.id });
      const verified = await verifyRequestByCode(db, { appointmentId: outcome.appointment.id, code, baseUrl: BASE });
      if (verified.kind !== "verified") throw new Error(`expected verification, got ${verified.kind}`);
      return { id: outcome.appointment.id, priority: verified.triage.priority };
    }
    case "desk_confirm":
      return { id, error: await attempt(() => db.transaction((tx) => confirmRequest(tx, id, desk[row.actor as "staff" | "admin"], BASE))) };
    case "propose_accept": {
      await proposeTime(db, id, w.at("14:00"), desk[row.actor as "staff" | "admin"], BASE);
      const outcome = await acceptProposal(db, { appointmentId: id, baseUrl: BASE });
      expect(outcome.kind).toBe("done");
      return { id };
    }
    case "reschedule_link": {
      const outcome = await rescheduleAppointment(db, { appointmentId: id, start: w.at("15:00"), enforceCutoff: true, actor: null, baseUrl: BASE });
      expect(outcome.kind).toBe("done");
      return { id };
    }
    case "walk_in_complete":
    case "complete_visit":
      return { id, error: await attempt(() => db.transaction((tx) => markVisit(tx, id, "completed", desk[row.actor as "staff" | "admin"]))) };
  }
}

describe("the hands-on gate on every path", () => {
  it("has at least 40 rows", () => expect(ROWS.length).toBeGreaterThanOrEqual(40));

  it.each(ROWS)("$path × $state as $actor → $status $error", async (row) => {
    const result = await runPath(row);
    expect(await statusOf(result.id)).toBe(row.status);
    expect(result.error).toBe(row.error);
    if (result.priority) expect(result.priority).toBe(row.state === "this_request" || row.state === "on_case" ? "emergency" : UNCLEARED.has(row.state) ? "within_48h" : "routine");

    if (row.status !== "confirmed" && row.status !== "completed") {
      // The backstop: the same move written straight to the table is refused by the database.
      const target = row.path === "walk_in_complete" || row.path === "complete_visit" ? "completed" : "confirmed";
      const err = await getDb()
        .execute(sql`update appointments set status = ${target}::appointment_status where id = ${result.id}`)
        .then(
          () => null,
          (e: unknown) => e,
        );
      expect(isHandsOnGateViolation(err)).toBe(true);
      expect(await statusOf(result.id)).toBe(row.status);
    }
  });
});
