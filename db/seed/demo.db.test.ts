import { describe, expect, it } from "vitest";
import { getDb } from "../client";
import { appointments, locations, practitioners, services, users, workingHours } from "../schema";
import { authenticate } from "@/lib/auth/credentials";
import { DISCIPLINES } from "@/lib/clinic/disciplines";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, isSeeded, seedDemoClinic } from "./demo";

describe("demo clinic seed", () => {
  it("builds the clinic the README promises", async () => {
    const db = getDb();
    const now = new Date();
    // With DATABASE_URL every test file shares one database: only seed when the demo accounts are absent.
    if (!(await isSeeded(db)) || !(await db.select().from(users)).some((u) => u.email === "admin@example.com")) {
      await seedDemoClinic(db, now);
    }
    const [locs, svcs, pracs, hours, appts] = await Promise.all([
      db.select().from(locations),
      db.select().from(services),
      db.select().from(practitioners),
      db.select().from(workingHours),
      db.select().from(appointments),
    ]);
    expect(locs.some((l) => l.timeZone === "America/New_York")).toBe(true);
    expect(svcs.length).toBeGreaterThanOrEqual(10);
    for (const word of ["consultation", "chiropractic", "evaluation", "follow-up", "deep-tissue", "myofascial", "acupressure", "shiatsu", "craniosacral", "sports"]) {
      expect(
        svcs.some((s) => s.slug.includes(word)),
        word,
      ).toBe(true);
    }
    expect(pracs.length).toBeGreaterThanOrEqual(7);
    expect(new Set(pracs.map((p) => p.discipline))).toEqual(new Set(DISCIPLINES));
    expect(hours.some((h) => h.breaks.length > 0)).toBe(true);
    expect(appts.some((a) => a.startsAt < now)).toBe(true);
    expect(appts.some((a) => a.startsAt > now)).toBe(true);
  });

  it.each(DEMO_ACCOUNTS)("lets $email sign in as $role", async ({ email, role }) => {
    const result = await authenticate(getDb(), { email, password: DEMO_PASSWORD, ip: "192.0.2.10", userAgent: null });
    expect(result).toMatchObject({ ok: true, user: { role } });
  });
});
