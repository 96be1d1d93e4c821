import path from "node:path";
import fc from "fast-check";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb, rowsOf } from "@/db/client";
import { withOwnDatabase } from "@/db/testing/own-database";
import { ROOT, serverActionFiles } from "@/db/testing/server-actions";
import { createLocation, createPractitioner, createService, createUser, setWorkingHours } from "@/db/seed/factories";
import { ROLES, type Role } from "@/lib/auth/roles";
import { createSession } from "@/lib/auth/sessions";
import { actionRegistry } from "@/lib/actions/create-action";
import { POST as requestAppointment } from "@/app/api/v1/appointment-requests/route";
import { GET as getSlots } from "@/app/api/v1/slots/route";

/**
 * Random and hostile input at every public endpoint and every server action: never a 500 (or an
 * "internal" action error), never a partial write.
 */

const session = vi.hoisted(() => ({ current: null as { sid: string } | null }));
vi.mock("@/lib/auth/next-auth", () => ({ auth: async () => session.current, signIn: async () => undefined, signOut: async () => undefined }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-backline-peer-address": `198.18.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}` }),
  cookies: async () => ({ get: () => undefined, set: () => undefined }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const safeString = (v: unknown) => {
  try {
    return String(v);
  } catch {
    return "[unprintable]";
  }
};

const TABLES = ["appointments", "patients", "intakes", "cases", "case_notes", "referrals", "regimens", "exercises", "action_items", "outbox_emails", "services", "working_hours", "users"];
async function counts() {
  const parts = TABLES.map((t) => `(select count(*) from ${t})::int as ${t}`).join(", ");
  return rowsOf<Record<string, number>>(await getDb().execute(sql.raw(`select ${parts}`)))[0]!;
}

const HOSTILE = [
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "javascript:alert(1)",
  "<svg onload=alert(1)>",
  "'; drop table appointments; --",
  "\u0000",
  "\u202e",
  "💥".repeat(300),
  "a".repeat(20_000),
];
/** Text with a control character (NUL, ESC, DEL, C1...) somewhere in it: never stored, always a field error. */
const CONTROL_CHARS = ["\u0000", "\u0001", "\u0007", "\u0008", "\u000b", "\u000c", "\u001b", "\u007f", "\u0085", "\u009f"];
const controlString = fc.tuple(fc.string({ maxLength: 40 }), fc.constantFrom(...CONTROL_CHARS), fc.string({ maxLength: 40 })).map(([a, c, b]) => `Ana${a}${c}${b}`);
/** Dates far from today: the year 9999, before 1900, year 1, past the booking horizon, extended years. */
const farInstant = fc.oneof(
  fc.constantFrom("9999-12-31T10:00:00Z", "9999-12-31T23:59:59.999Z", "1899-12-31T10:00:00Z", "0001-01-01T00:00:00Z", "1900-01-01T00:00:00-05:00"),
  fc.date({ min: new Date("0001-01-01T00:00:00Z"), max: new Date("1899-12-31T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString()),
  fc.date({ min: new Date(Date.now() + 100 * 86_400_000), max: new Date("9999-12-31T23:59:59Z"), noInvalidDate: true }).map((d) => d.toISOString()),
);
const farDate = farInstant.map((iso) => iso.slice(0, 10));
const hostileString = fc.oneof(fc.constantFrom(...HOSTILE), fc.string(), fc.string({ unit: "binary" }), controlString, farInstant, farDate);
const anyValue = fc.oneof(
  fc.anything({ maxDepth: 3 }),
  fc.json().map((j) => JSON.parse(j) as unknown),
  hostileString,
);

withOwnDatabase();

let serviceSlug = "";
let practitionerId = "";
let freeStart = "";
const validRequest = () => ({
  service: serviceSlug,
  practitionerId,
  start: freeStart,
  patient: { name: "Fuzz Patient", email: `fuzz-${Math.random().toString(36).slice(2, 10)}@example.test`, phone: "+1 212 555 0100", dateOfBirth: "1980-01-01" },
  intake: { painStartedOn: "2026-01-01", painScore: 3, redFlags: [], notes: "" },
});
const sessions = new Map<Role, string>();

beforeAll(async () => {
  const db = getDb();
  const location = await createLocation(db);
  const service = await createService(db, { discipline: "massage_therapist" });
  const p = await createPractitioner(db, { discipline: "massage_therapist", serviceIds: [service.id] });
  await setWorkingHours(db, { practitionerId: p.id, locationId: location.id, days: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: "09:00", end: "17:00" })) });
  serviceSlug = service.slug;
  practitionerId = p.id;
  const from = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
  const to = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
  const free = (await (await getSlots(new Request(`http://clinic.test/api/v1/slots?service=${serviceSlug}&from=${from}&to=${to}`), undefined as never)).json()) as { slots: Array<{ start: string }> };
  freeStart = free.slots[0]!.start;
  for (const role of ROLES) {
    const user = await createUser(db, { role });
    sessions.set(role, await createSession(db, { userId: user.id, sessionVersion: 1, ip: null, userAgent: null }));
  }
});

describe("public API under random and hostile input", () => {
  it("POST /api/v1/appointment-requests never answers 5xx and writes nothing when it refuses", async () => {
    process.env.PUBLIC_RATE_LIMIT_PER_MINUTE = "100000";
    const body = fc.oneof(
      anyValue,
      fc.record({
        service: fc.oneof(fc.constant(serviceSlug), hostileString),
        practitionerId: fc.oneof(fc.constant(practitionerId), fc.uuid(), hostileString),
        start: fc.oneof(
          fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
          hostileString,
        ),
        patient: fc.record({ name: hostileString, email: fc.oneof(fc.emailAddress(), hostileString), phone: hostileString, dateOfBirth: hostileString }),
        intake: fc.record({ painStartedOn: hostileString, painScore: fc.oneof(fc.integer(), fc.double()), redFlags: fc.array(hostileString), notes: hostileString }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(body, fc.boolean(), async (payload, raw) => {
        const before = await counts();
        const res = await requestAppointment(
          new Request("http://clinic.test/api/v1/appointment-requests", {
            method: "POST",
            headers: { "content-type": "application/json", "x-backline-peer-address": "198.51.100.7" },
            body: raw ? safeString(payload) : JSON.stringify(payload),
          }),
          undefined as never,
        );
        expect(res.status).toBeLessThan(500);
        const json = await res.json();
        if (res.status !== 201) {
          expect(json.error.code).toMatch(/^[a-z_]+$/);
          expect(await counts()).toEqual(before);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("a request that is valid but for one field (control characters, a far date) gets 400 naming it, and writes nothing", async () => {
    process.env.PUBLIC_RATE_LIMIT_PER_MINUTE = "100000";
    const mutation = fc.oneof(
      fc.record({ field: fc.constantFrom("patient.name", "intake.notes", "intake.worseWith"), value: controlString }),
      fc.record({ field: fc.constant("start"), value: farInstant }),
      fc.record({ field: fc.constantFrom("patient.dateOfBirth", "intake.painStartedOn"), value: farDate.filter((d) => d < "1900-01-01" || d > "2100-01-01") }),
    );
    await fc.assert(
      fc.asyncProperty(mutation, async ({ field, value }) => {
        const payload = validRequest() as Record<string, Record<string, unknown> | unknown>;
        const [head, tail] = field.split(".") as [string, string | undefined];
        if (tail) (payload[head] as Record<string, unknown>)[tail] = value;
        else payload[head] = value;
        const before = await counts();
        const res = await requestAppointment(
          new Request("http://clinic.test/api/v1/appointment-requests", {
            method: "POST",
            headers: { "content-type": "application/json", "x-backline-peer-address": "198.51.100.8" },
            body: JSON.stringify(payload),
          }),
          undefined as never,
        );
        expect(res.status, `${field}=${JSON.stringify(value)}`).toBe(400);
        expect(Object.keys((await res.json()).error.fields ?? {})).toContain(field);
        expect(await counts()).toEqual(before);
      }),
      { numRuns: 120 },
    );
    // The unmutated request books: the refusals above were about the one field.
    expect(
      (
        await requestAppointment(
          new Request("http://clinic.test/api/v1/appointment-requests", {
            method: "POST",
            headers: { "content-type": "application/json", "x-backline-peer-address": "198.51.100.8" },
            body: JSON.stringify(validRequest()),
          }),
          undefined as never,
        )
      ).status,
    ).toBe(201);
  });

  it("bodies over the limit get 413 and write nothing, whatever they hold", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 64 * 1024 + 1, max: 3 * 1024 * 1024 }), fc.boolean(), async (size, declare) => {
        const before = await counts();
        const body = JSON.stringify({ ...validRequest(), padding: "x".repeat(size) });
        const res = await requestAppointment(
          new Request("http://clinic.test/api/v1/appointment-requests", {
            method: "POST",
            headers: { "content-type": "application/json", "x-backline-peer-address": "198.51.100.9", ...(declare ? { "content-length": String(body.length) } : {}) },
            body,
          }),
          undefined as never,
        );
        expect(res.status).toBe(413);
        expect(await counts()).toEqual(before);
      }),
      { numRuns: 12 },
    );
  });

  it("GET /api/v1/slots never answers 5xx", async () => {
    process.env.API_RATE_LIMIT_PER_MINUTE = "100000";
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.constantFrom("service", "from", "to", "practitioner", "x"), hostileString), async (query) => {
        const res = await getSlots(new Request(`http://clinic.test/api/v1/slots?${new URLSearchParams(query)}`), undefined as never);
        expect(res.status).toBeLessThan(500);
      }),
      { numRuns: 150 },
    );
  });
});

// Every server action, found on disk, called as a role it admits with random input.
const root = ROOT;
const actionFiles = serverActionFiles();

describe("server actions under random and hostile input", () => {
  it.each(actionFiles)("%s", async (file) => {
    const mod = (await import(path.join(root, file))) as Record<string, (...args: unknown[]) => Promise<unknown>>;
    for (const [name, action] of Object.entries(mod)) {
      const meta = actionRegistry.get(action as never);
      if (!meta) continue;
      const role: Role = meta.roles === "public" ? "patient" : meta.roles[0]!;
      session.current = { sid: sessions.get(role)! };
      await fc.assert(
        fc.asyncProperty(anyValue, fc.dictionary(fc.string({ maxLength: 20 }), hostileString, { maxKeys: 6 }), async (input, formFields) => {
          const form = new FormData();
          for (const [k, v] of Object.entries(formFields)) form.set(k, v);
          const before = await counts();
          for (const args of [
            [input, "fuzz-key-123456"],
            [null, form],
          ] as unknown[][]) {
            let result: unknown;
            try {
              result = await action(...args);
            } catch (err) {
              // Only Next's own control flow (redirect, notFound) may leave an action.
              expect(String((err as { digest?: string }).digest ?? err), `${file}#${name}`).toMatch(/NEXT_/);
              continue;
            }
            const r = result as { ok?: boolean; error?: { code?: string } } | undefined;
            if (r && typeof r === "object" && "ok" in r && r.ok === false) {
              expect(r.error?.code, `${file}#${name} with ${JSON.stringify(args[0])?.slice(0, 200)}`).not.toBe("internal");
            }
          }
          const after = await counts();
          // Garbage never gets far enough to write (audit events aside).
          expect(after, `${file}#${name}`).toEqual(before);
        }),
        { numRuns: 25 },
      );
    }
  });
});
