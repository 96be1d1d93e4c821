import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents, calendarFeedTokens, practitioners } from "@/db/schema";
import { createAppointment, createLocation, createPatient, createPractitioner, createService } from "@/db/seed/factories";
import { DomainError } from "@/lib/errors";
import { practitionerFeed } from "./feed";
import { createFeedToken, listFeedTokens, revokeFeedToken } from "./feed-tokens";

async function practitionerWithAccount() {
  const db = getDb();
  const p = await createPractitioner(db, { discipline: "chiropractor", account: {} });
  return { p, viewer: { id: p.user!.id, role: "practitioner" as const, practitionerId: p.id } };
}

describe("a practitioner's calendar feeds", () => {
  it("are random, stored hashed, listed, and revoked one by one", async () => {
    const db = getDb();
    const { viewer } = await practitionerWithAccount();
    const phone = await createFeedToken(db, { viewer, label: "Phone" });
    const office = await createFeedToken(db, { viewer, label: "Office" });
    expect(phone.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(phone.token).not.toEqual(office.token);
    const stored = await db.select().from(calendarFeedTokens).where(eq(calendarFeedTokens.userId, viewer.id));
    expect(stored.map((r) => r.tokenHash)).not.toContain(phone.token);
    expect(JSON.stringify(stored)).not.toContain(phone.token);

    expect(await practitionerFeed(db, `${phone.token}.ics`)).toContain("BEGIN:VCALENDAR");
    expect((await listFeedTokens(db, viewer)).map((f) => [f.label, Boolean(f.lastUsedAt), Boolean(f.revokedAt)])).toEqual([
      ["Office", false, false],
      ["Phone", true, false],
    ]);

    await revokeFeedToken(db, { viewer, id: phone.id });
    expect(await practitionerFeed(db, `${phone.token}.ics`)).toBeNull();
    expect(await practitionerFeed(db, `${office.token}.ics`)).toContain("BEGIN:VCALENDAR");
    await expect(revokeFeedToken(db, { viewer, id: phone.id })).rejects.toBeInstanceOf(DomainError);
  });

  it("cannot be revoked or created by someone else", async () => {
    const db = getDb();
    const { viewer } = await practitionerWithAccount();
    const other = await practitionerWithAccount();
    const feed = await createFeedToken(db, { viewer, label: "Phone" });
    await expect(revokeFeedToken(db, { viewer: other.viewer, id: feed.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(createFeedToken(db, { viewer: { id: viewer.id, role: "staff", practitionerId: null }, label: "x" })).rejects.toMatchObject({ code: "forbidden" });
    expect(await practitionerFeed(db, `${feed.token}.ics`)).toContain("BEGIN:VCALENDAR");
  });

  it("stop when the practitioner is deactivated, refuse a changed token, and audit each read naming the patients", async () => {
    const db = getDb();
    const { p, viewer } = await practitionerWithAccount();
    const location = await createLocation(db);
    const service = await createService(db, { discipline: "chiropractor", durationMinutes: 30 });
    const patient = await createPatient(db, { fullName: "Feed Patient" });
    await createAppointment(db, { patientId: patient.id, practitionerId: p.id, service, locationId: location.id, startsAt: new Date(Date.now() + 86_400_000) });
    const { token, id } = await createFeedToken(db, { viewer, label: "Phone" });
    const ics = await practitionerFeed(db, `${token}.ics`);
    expect(ics).toContain("F. P.");
    expect(ics).not.toContain("Feed Patient");
    const reads = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "patients.listed"), eq(auditEvents.entityId, `calendar.feed:${id}`)));
    expect(reads).toHaveLength(1);
    expect(reads[0]!.details).toMatchObject({ patientIds: [patient.id] });

    const i = token.length - 10;
    expect(await practitionerFeed(db, `${token.slice(0, i)}${token[i] === "A" ? "g" : "A"}${token.slice(i + 1)}.ics`)).toBeNull();
    await db.update(practitioners).set({ isActive: false }).where(eq(practitioners.id, p.id));
    expect(await practitionerFeed(db, `${token}.ics`)).toBeNull();
  });
});
