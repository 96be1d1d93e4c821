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
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-backline-peer-address": `198.18.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}` }), cookies: async () => ({ get: () => undefined, set: () => undefined }) }));
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

const HOSTILE = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "javascript:alert(1)", "<svg onload=alert(1)>", "'; drop table appointments; --", "\u0000", "\u202e", "💥".repeat(300), "a".repeat(20_000)];
const hostileString = fc.oneof(fc.constantFrom(...HOSTILE), fc.string(), fc.string({ unit: "binary" }));
const anyValue = fc.oneof(fc.anything({ maxDepth: 3 }), fc.json().map((j) => JSON.parse(j) as unknown), hostileString);

withOwnDatabase();

let serviceSlug = "";
let practitionerId = "";
const sessions = new Map<Role, string>();

beforeAll(async () => {
  const db = getDb();
  const location = await createLocation(db);
  const service = await createService(db, { discipline: "massage_therapist" });
  const p = await createPractitioner(db, { discipline: "massage_therapist", serviceIds: [service.id] });
  await setWorkingHours(db, { practitionerId: p.id, locationId: location.id, days: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: "09:00", end: "17:00" })) });
  serviceSlug = service.slug;
  practitionerId = p.id;
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
        start: fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), hostileString),
        patient: fc.record({ name: hostileString, email: fc.oneof(fc.emailAddress(), hostileString), phone: hostileString, dateOfBirth: hostileString }),
        intake: fc.record({ painStartedOn: hostileString, painScore: fc.oneof(fc.integer(), fc.double()), redFlags: fc.array(hostileString), notes: hostileString }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(body, fc.boolean(), async (payload, raw) => {
        const before = await counts();
        const res = await requestAppointment(
          new Request("http://clinic.test/api/v1/appointment-requests", { method: "POST", headers: { "content-type": "application/json", "x-backline-peer-address": "198.51.100.7" }, body: raw ? safeString(payload) : JSON.stringify(payload) }),
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
          for (const args of [[input, "fuzz-key-123456"], [null, form]] as unknown[][]) {
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
