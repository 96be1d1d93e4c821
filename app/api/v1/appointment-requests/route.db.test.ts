import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, rowsOf } from "@/db/client";
import { createLocation, createPractitioner, createService, setWorkingHours, uniqueEmail } from "@/db/seed/factories";
import { addDaysIso, isoWeekday, localDate, zonedInstant } from "@/lib/time";
import { GET as slotsGET } from "../slots/route";
import { POST } from "./route";
import { NEW_YORK } from "@/db/testing/zones";

const NY = NEW_YORK;
let ctx: { slug: string; practitionerId: string; date: string };
let ipSeq = 1;

beforeAll(async () => {
  const db = getDb();
  const location = await createLocation(db);
  const service = await createService(db, { discipline: "massage_therapist", durationMinutes: 30 });
  const p = await createPractitioner(db, { discipline: "massage_therapist", serviceIds: [service.id] });
  await setWorkingHours(db, { practitionerId: p.id, locationId: location.id, days: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: "09:00", end: "17:00" })) });
  let date = addDaysIso(localDate(new Date(), NY), 20);
  while (isoWeekday(date) > 5) date = addDaysIso(date, 1);
  ctx = { slug: service.slug, practitionerId: p.id, date };
});

const body = (time: string, over: Record<string, unknown> = {}) => ({
  service: ctx.slug,
  practitionerId: ctx.practitionerId,
  start: zonedInstant(ctx.date, time, NY).toISOString(),
  patient: { name: "Api Patient", email: uniqueEmail("api"), phone: "+1 212 555 0199", dateOfBirth: "1975-05-05" },
  intake: { painStartedOn: "2026-02-01", painScore: 4, redFlags: [], notes: "" },
  ...over,
});

function post(payload: unknown, headers: Record<string, string> = {}, ip = `198.18.0.${ipSeq++}`) {
  return POST(
    new Request("http://clinic.test/api/v1/appointment-requests", {
      method: "POST",
      headers: { "content-type": "application/json", "x-backline-peer-address": ip, ...headers },
      body: typeof payload === "string" ? payload : JSON.stringify(payload),
    }),
    undefined as never,
  );
}

const countAppointments = async () => rowsOf<{ n: number }>(await getDb().execute(sql`select count(*)::int as n from appointments`))[0]!.n;

describe("POST /api/v1/appointment-requests", () => {
  it("answers 201 with the request pending verification, its priority, manage link and hold", async () => {
    const res = await post(body("09:00"));
    expect(res.status).toBe(201);
    const json = await res.json();
    expect(json).toMatchObject({ status: "pending_verification", priority: "routine", verification: { expiresAt: expect.any(String) } });
    expect(new Date(json.verification.expiresAt).getTime()).toBeGreaterThan(Date.now() + 25 * 60_000);
    expect(json.start).toMatch(/^\d{4}-\d\d-\d\dT09:00:00-0[45]:00$/);
    expect(json.manageUrl).toContain("/manage/");
  });

  it("refuses bad input with 400 field errors and writes nothing", async () => {
    const before = await countAppointments();
    const cases: unknown[] = [
      "{not json",
      {},
      body("09:30", { intake: { painStartedOn: "2026-02-01", painScore: 11, redFlags: [] } }),
      body("09:30", { intake: { painStartedOn: "2026-02-01", painScore: 4, redFlags: ["made_up_flag"] } }),
      body("09:30", { patient: { name: "X", email: "not-an-email", phone: "call me", dateOfBirth: "tomorrow" } }),
      body("09:30", { start: "next tuesday" }),
      [1, 2, 3],
    ];
    for (const payload of cases) {
      const res = await post(payload);
      expect(res.status, JSON.stringify(payload)).toBe(400);
      const json = await res.json();
      expect(["invalid", "invalid_json"]).toContain(json.error.code);
    }
    const flag = await (await post(body("09:30", { intake: { painStartedOn: "2026-02-01", painScore: 4, redFlags: ["made_up_flag"] } }))).json();
    expect(Object.keys(flag.error.fields)).toContain("intake.redFlags.0");
    expect(await countAppointments()).toBe(before);
  });

  it("answers 409 slot_taken with up to 3 alternatives", async () => {
    expect((await post(body("10:00"))).status).toBe(201);
    const res = await post(body("10:00"));
    expect(res.status).toBe(409);
    const json = await res.json();
    expect(json.error.code).toBe("slot_taken");
    expect(json.alternatives.length).toBeGreaterThan(0);
    expect(json.alternatives.length).toBeLessThanOrEqual(3);
    expect(json.alternatives[0]).toEqual({ practitionerId: ctx.practitionerId, start: expect.any(String), end: expect.any(String) });
  });

  it("replays the same Idempotency-Key and refuses it for another body", async () => {
    const key = `k-${Date.now()}-replay`;
    const payload = body("11:00");
    const first = await (await post(payload, { "idempotency-key": key })).json();
    const again = await post(payload, { "idempotency-key": key });
    expect(again.status).toBe(201);
    expect((await again.json()).id).toBe(first.id);
    const other = await post(body("11:30"), { "idempotency-key": key });
    expect(other.status).toBe(422);
    expect((await other.json()).error.code).toBe("idempotency_key_reused");
    expect((await post(payload, { "idempotency-key": "bad key!" })).status).toBe(400);
  });

  it("rate limits one address with 429 and Retry-After", async () => {
    const ip = "198.19.0.1";
    const limit = Number(process.env.PUBLIC_RATE_LIMIT_PER_MINUTE ?? 20);
    for (let i = 0; i < limit; i++) expect((await post({}, {}, ip)).status).toBe(400);
    const res = await post(body("12:00"), {}, ip);
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await res.json()).error.code).toBe("rate_limited");
  });
});

describe("GET /api/v1/slots", () => {
  const get = (qs: string) => slotsGET(new Request(`http://clinic.test/api/v1/slots?${qs}`), undefined as never);

  it("lists free slots with offsets in the clinic's zone", async () => {
    const res = await get(`service=${ctx.slug}&from=${ctx.date}&to=${ctx.date}`);
    expect(res.status).toBe(200);
    const json = await res.json();
    expect(json.timeZone).toBe(NY);
    expect(json.slots.length).toBeGreaterThan(0);
    expect(json.slots.every((s: { start: string }) => /-0[45]:00$/.test(s.start))).toBe(true);
  });

  it("refuses ranges over 31 days, bad dates and unknown services", async () => {
    expect((await get(`service=${ctx.slug}&from=2026-01-01&to=2026-02-01`)).status).toBe(400);
    expect((await (await get(`service=${ctx.slug}&from=2026-01-01&to=2026-02-01`)).json()).error.code).toBe("range_too_long");
    expect((await get(`service=${ctx.slug}&from=yesterday&to=2026-02-01`)).status).toBe(400);
    expect((await get(`service=nope&from=2026-01-01&to=2026-01-02`)).status).toBe(404);
  });
});
