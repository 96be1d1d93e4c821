import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb, rowsOf } from "@/db/client";
import { withOwnDatabase } from "@/db/testing/own-database";
import { createAppointment, createLocation, createPatient, createPractitioner, createService, createUser, setWorkingHours, uniqueEmail } from "@/db/seed/factories";
import { createSession } from "@/lib/auth/sessions";
import { manageToken } from "@/lib/booking/facts";
import { addDaysIso, isoWeekday, localDate, zonedInstant } from "@/lib/time";
import { PEER_ADDRESS_HEADER } from "@/lib/http/ip";
import { POST as requestAppointment } from "@/app/api/v1/appointment-requests/route";
import { bookForPatientAction, rescheduleByTokenAction } from "@/lib/booking/actions";
import { declineRequestAction, proposeTimeAction } from "@/lib/desk/actions";
import { NEW_YORK } from "@/db/testing/zones";

/**
 * The inputs that used to break (issue 10): NUL in text, a start in the year 9999, a 3 MB body. Each is a
 * clear 4xx or field error, and nothing is written.
 */

const session = vi.hoisted(() => ({ current: null as { sid: string } | null }));
vi.mock("@/lib/auth/next-auth", () => ({ auth: async () => session.current, signIn: async () => undefined, signOut: async () => undefined }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-backline-peer-address": `198.18.9.${Math.floor(Math.random() * 250)}` }),
  cookies: async () => ({ get: () => undefined, set: () => undefined }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

withOwnDatabase();

const NY = NEW_YORK;
const TABLES = ["appointments", "patients", "intakes", "cases", "outbox_emails", "idempotency_keys"];
async function counts() {
  const parts = TABLES.map((t) => `(select count(*) from ${t})::int as ${t}`).join(", ");
  return rowsOf<Record<string, number>>(await getDb().execute(sql.raw(`select ${parts}`)))[0]!;
}

let ctx: { slug: string; practitionerId: string; start: string; appointmentId: string; requestId: string; staffSid: string };

beforeAll(async () => {
  const db = getDb();
  const location = await createLocation(db);
  const service = await createService(db, { discipline: "massage_therapist", durationMinutes: 30 });
  const p = await createPractitioner(db, { discipline: "massage_therapist", serviceIds: [service.id] });
  await setWorkingHours(db, { practitionerId: p.id, locationId: location.id, days: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: "09:00", end: "17:00" })) });
  let date = addDaysIso(localDate(new Date(), NY), 12);
  while (isoWeekday(date) > 5) date = addDaysIso(date, 1);
  const patient = await createPatient(db);
  const booked = await createAppointment(db, { patientId: patient.id, practitionerId: p.id, service, locationId: location.id, startsAt: zonedInstant(date, "14:00", NY) });
  const requested = await createAppointment(db, { patientId: patient.id, practitionerId: p.id, service, locationId: location.id, startsAt: zonedInstant(date, "15:00", NY), status: "requested" });
  const staff = await createUser(db, { role: "staff" });
  ctx = {
    slug: service.slug,
    practitionerId: p.id,
    start: zonedInstant(date, "10:00", NY).toISOString(),
    appointmentId: booked.id,
    requestId: requested.id,
    staffSid: await createSession(db, { userId: staff.id, sessionVersion: 1, ip: null, userAgent: null }),
  };
});

const request = (over: { start?: string; name?: string; notes?: string } = {}) => ({
  service: ctx.slug,
  practitionerId: ctx.practitionerId,
  start: over.start ?? ctx.start,
  patient: { name: over.name ?? "Nora Null", email: uniqueEmail("nul"), phone: "+1 212 555 0100", dateOfBirth: "1980-01-01" },
  intake: { painStartedOn: "2026-01-01", painScore: 3, redFlags: [], notes: over.notes ?? "" },
});

let ip = 0;
const post = (init: { body: BodyInit; headers?: Record<string, string> }) =>
  requestAppointment(
    new Request("http://clinic.test/api/v1/appointment-requests", {
      method: "POST",
      headers: { "content-type": "application/json", [PEER_ADDRESS_HEADER]: `198.18.10.${++ip}`, ...init.headers },
      body: init.body,
      duplex: "half",
    } as RequestInit),
    undefined as never,
  );

describe("the public API", () => {
  it("refuses NUL and other control characters in text with 400 naming the field", async () => {
    const before = await counts();
    for (const [over, field] of [
      [{ name: "Ana\u0000Souza" }, "patient.name"],
      [{ notes: "sore\u0000back" }, "intake.notes"],
      [{ notes: "bell\u0007" }, "intake.notes"],
    ] as const) {
      const res = await post({ body: JSON.stringify(request(over)) });
      expect(res.status, field).toBe(400);
      const json = await res.json();
      expect(json.error.code).toBe("invalid");
      expect(Object.keys(json.error.fields)).toContain(field);
    }
    expect(await counts()).toEqual(before);
  });

  it("refuses a start in the year 9999, before 1900 or past the booking horizon with 400", async () => {
    const before = await counts();
    for (const start of ["9999-12-31T10:00:00Z", "1899-12-31T10:00:00Z", "0001-01-01T00:00:00Z", new Date(Date.now() + 200 * 86_400_000).toISOString()]) {
      const res = await post({ body: JSON.stringify(request({ start })) });
      expect(res.status, start).toBe(400);
      expect(Object.keys((await res.json()).error.fields)).toContain("start");
    }
    expect(await counts()).toEqual(before);
  });

  it("refuses a 3 MB body with 413, declared or streamed, and writes nothing", async () => {
    const before = await counts();
    const big = JSON.stringify({ ...request(), padding: "x".repeat(3 * 1024 * 1024) });
    const declared = await post({ body: big, headers: { "content-length": String(Buffer.byteLength(big)) } });
    expect(declared.status).toBe(413);
    expect((await declared.json()).error.code).toBe("payload_too_large");
    const bytes = new TextEncoder().encode(big);
    let offset = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (offset >= bytes.length) return controller.close();
        controller.enqueue(bytes.slice(offset, (offset += 32 * 1024)));
      },
    });
    const streamed = await post({ body: stream });
    expect(streamed.status).toBe(413);
    expect(offset).toBeLessThan(bytes.length);
    expect(await counts()).toEqual(before);
  });

  it("still books the same request without the bad parts", async () => {
    expect((await post({ body: JSON.stringify(request()) })).status).toBe(201);
  });
});

describe("rescheduling with a manage link", () => {
  it("answers a start in the year 9999 with a field error, not an internal error", async () => {
    session.current = null;
    const before = await counts();
    const result = await rescheduleByTokenAction({ token: manageToken(ctx.appointmentId), start: "9999-12-31T10:00:00Z" });
    expect(result).toMatchObject({ ok: false, error: { code: "invalid", fields: { start: expect.any(String) } } });
    expect(await counts()).toEqual(before);
  });
});

describe("the front desk", () => {
  it("proposing a time in the year 9999 is a field error", async () => {
    session.current = { sid: ctx.staffSid };
    const result = await proposeTimeAction({ appointmentId: ctx.requestId, start: "9999-12-31T10:00:00Z" });
    expect(result).toMatchObject({ ok: false, error: { code: "invalid", fields: { start: expect.any(String) } } });
    // A wall-clock time typed without its offset is not a free time from the engine.
    expect(await proposeTimeAction({ appointmentId: ctx.requestId, start: "2030-01-07T10:00" })).toMatchObject({ ok: false, error: { code: "invalid", fields: { start: "Choose a free time" } } });
  });

  it("booking for a caller refuses NUL and the year 9999 with field errors", async () => {
    session.current = { sid: ctx.staffSid };
    const before = await counts();
    expect(await bookForPatientAction({ request: request({ name: "Nul\u0000" }), idempotencyKey: "desk-nul-123" })).toMatchObject({
      ok: false,
      error: { code: "invalid", fields: { "request.patient.name": expect.any(String) } },
    });
    expect(await bookForPatientAction({ request: request({ start: "9999-12-31T10:00:00Z" }), idempotencyKey: "desk-9999-123" })).toMatchObject({
      ok: false,
      error: { code: "invalid", fields: { "request.start": expect.any(String) } },
    });
    expect(await counts()).toEqual(before);
  });

  it("every server action refuses control characters before its schema runs (a decline reason here)", async () => {
    session.current = { sid: ctx.staffSid };
    const form = new FormData();
    form.set("appointmentId", ctx.requestId);
    form.set("reason", "Fully booked\u0000");
    expect(await declineRequestAction(null, form)).toMatchObject({ ok: false, error: { code: "invalid", fields: { reason: expect.stringContaining("control characters") } } });
  });
});
