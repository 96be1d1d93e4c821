import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { appointments, appointmentSeries, auditEvents, outboxEmails } from "@/db/schema";
import { createAppointment, createCase, createLocation, createPatient, createPractitioner, createService, createUser, setWorkingHours } from "@/db/seed/factories";
import { NEW_YORK } from "@/db/testing/zones";
import { DomainError } from "@/lib/errors";
import { formatInZone } from "@/lib/time";
import { bookSeries, cancelRestOfSeries, checkSeries } from "./commands";

/** Issue 13 (groundwork): a plan of care booked as a series — checked per visit, booked all or nothing. */
const NY = NEW_YORK;
// Late February 2027: a six-week plan crosses the March 14 clock change.
const NOW = new Date("2027-02-20T15:00:00Z");

let w: { caseId: string; otherCaseId: string; slug: string; service: Awaited<ReturnType<typeof createService>>; sofia: string; locationId: string; staff: { id: string; role: "staff" } };

beforeAll(async () => {
  const db = getDb();
  const location = await createLocation(db, { timeZone: NY });
  const service = await createService(db, { discipline: "physical_therapist", durationMinutes: 45, bufferAfterMinutes: 10, minNoticeMinutes: 60, isHandsOn: false });
  const sofia = await createPractitioner(db, { discipline: "physical_therapist", serviceIds: [service.id] });
  await setWorkingHours(db, { practitionerId: sofia.id, locationId: location.id, days: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: "07:30", end: "15:30" })) });
  const patient = await createPatient(db);
  const other = await createPatient(db);
  const staff = await createUser(db, { role: "staff" });
  w = {
    caseId: (await createCase(db, { patientId: patient.id, status: "in_care" })).id,
    otherCaseId: (await createCase(db, { patientId: other.id, status: "in_care" })).id,
    slug: service.slug,
    service,
    sofia: sofia.id,
    locationId: location.id,
    staff: { id: staff.id, role: "staff" },
  };
});

const pattern = (over: Partial<Parameters<typeof checkSeries>[1]> = {}) => ({
  caseId: w.caseId,
  service: w.slug,
  practitionerId: w.sofia,
  weekdays: [1, 4],
  time: "08:30",
  startsOn: "2027-02-22",
  count: 12,
  ...over,
});

describe("plans of care as a series", () => {
  it("twelve visits twice a week across the March DST change: all free, booked in one step, every one at 08:30 local and confirmed", async () => {
    const checked = await checkSeries(getDb(), pattern(), w.staff, NOW);
    expect(checked.occurrences).toHaveLength(12);
    expect(checked.occurrences.every((o) => o.free)).toBe(true);
    const outcome = await bookSeries(getDb(), { ...pattern(), starts: checked.occurrences.map((o) => o.start!.toISOString()) }, w.staff, { baseUrl: "http://clinic.test", now: NOW });
    expect(outcome.kind).toBe("booked");
    if (outcome.kind !== "booked") return;
    const rows = await getDb().select().from(appointments).where(eq(appointments.seriesId, outcome.seriesId));
    expect(rows).toHaveLength(12);
    expect(rows.every((r) => formatInZone(r.startsAt, NY, "HH:mm") === "08:30" && r.status === "confirmed" && r.caseId === w.caseId)).toBe(true);
    expect(new Set(rows.map((r) => r.startsAt.getUTCHours()))).toEqual(new Set([13, 12])); // EST, then EDT
    const [event] = await getDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "series.booked"), eq(auditEvents.entityId, outcome.seriesId)));
    expect(event).toMatchObject({ caseId: w.caseId, details: { visits: 12 } });
    // One email for the plan, naming every visit.
    const [email] = await getDb()
      .select()
      .from(outboxEmails)
      .where(eq(outboxEmails.dedupeKey, `series:${outcome.seriesId}`));
    expect(email!.subject).toBe(`Your plan of care: 12 visits for ${w.service.name}`);
    expect(email!.textBody.match(/^• /gm)).toHaveLength(12);
  });

  it("two taken visits are reported with the nearest free times that week; the other ten book", async () => {
    const db = getDb();
    const p = pattern({ caseId: w.otherCaseId, time: "10:00", startsOn: "2027-03-01", count: 12 });
    const first = await checkSeries(db, p, w.staff, NOW);
    const someone = await createPatient(db);
    for (const o of [first.occurrences[2]!, first.occurrences[7]!]) {
      await createAppointment(db, { patientId: someone.id, practitionerId: w.sofia, service: w.service, locationId: w.locationId, startsAt: o.start! });
    }
    const checked = await checkSeries(db, p, w.staff, NOW);
    const taken = checked.occurrences.filter((o) => !o.free);
    expect(taken.map((o) => o.date)).toEqual([first.occurrences[2]!.date, first.occurrences[7]!.date]);
    for (const o of taken) {
      expect(o.alternatives.length).toBeGreaterThan(0);
      expect(o.alternatives.every((s) => s.practitionerId === w.sofia)).toBe(true);
    }
    const outcome = await bookSeries(db, { ...p, starts: checked.occurrences.filter((o) => o.free).map((o) => o.start!.toISOString()) }, w.staff, { baseUrl: "http://clinic.test", now: NOW });
    expect(outcome.kind === "booked" && outcome.appointmentIds.length).toBe(10);
    // Asking for a taken time books nothing and says which.
    const refused = await bookSeries(db, { ...p, starts: [taken[0]!.start!.toISOString()] }, w.staff, { baseUrl: "http://clinic.test", now: NOW });
    expect(refused.kind).toBe("conflict");
  });

  it("two series racing for the same times: one books, the other reports every time it lost and writes nothing", async () => {
    const db = getDb();
    const p = pattern({ time: "13:00", startsOn: "2027-03-02", weekdays: [2], count: 3 });
    const { occurrences } = await checkSeries(db, p, w.staff, NOW);
    const starts = occurrences.map((o) => o.start!.toISOString());
    const outcomes = await Promise.all([
      bookSeries(db, { ...p, starts }, w.staff, { baseUrl: "http://clinic.test", now: NOW }),
      bookSeries(db, { ...p, caseId: w.otherCaseId, starts }, w.staff, { baseUrl: "http://clinic.test", now: NOW }),
    ]);
    expect(outcomes.map((o) => o.kind).sort()).toEqual(["booked", "conflict"]);
    const loser = outcomes.find((o) => o.kind === "conflict")!;
    expect(loser.kind === "conflict" && loser.failed.length).toBe(3);
    const atThose = await getDb()
      .select()
      .from(appointments)
      // Sofia's only: on PostgreSQL every test file shares the run's database.
      .where(
        and(
          eq(appointments.practitionerId, w.sofia),
          inArray(
            appointments.startsAt,
            occurrences.map((o) => o.start!),
          ),
        ),
      );
    expect(atThose).toHaveLength(3);
    expect(new Set(atThose.map((a) => a.seriesId)).size).toBe(1);
  });

  it("bad input is a clear error and writes nothing: no days, zero or 53 visits, past the booking horizon", async () => {
    const db = getDb();
    const before = (await db.select().from(appointmentSeries)).length;
    for (const over of [{ weekdays: [] }, { count: 0 }, { count: 53 }, { time: "8.30" }]) {
      const error = await checkSeries(db, pattern(over), w.staff, NOW).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe("invalid");
      expect(Object.keys((error as DomainError).fields ?? {})).toContain(Object.keys(over)[0]);
    }
    const far = await checkSeries(db, pattern({ weekdays: [1], count: 20 }), w.staff, NOW).catch((e: unknown) => e);
    expect((far as DomainError).fields?.count).toMatch(/booking horizon/);
    expect((await db.select().from(appointmentSeries)).length).toBe(before);
    await expect(checkSeries(db, pattern(), { id: "x", role: "patient" }, NOW)).rejects.toMatchObject({ code: "forbidden" });
  });

  it("the desk cancels the rest of a plan from one visit on, in one step with one email; earlier visits stay", async () => {
    const db = getDb();
    const p = pattern({ weekdays: [3], time: "11:00", startsOn: "2027-03-03", count: 4 });
    const { occurrences } = await checkSeries(db, p, w.staff, NOW);
    const booked = await bookSeries(db, { ...p, starts: occurrences.map((o) => o.start!.toISOString()) }, w.staff, { baseUrl: "http://clinic.test", now: NOW });
    if (booked.kind !== "booked") throw new Error("expected a booking");
    const visits = await db.select().from(appointments).where(eq(appointments.seriesId, booked.seriesId)).orderBy(appointments.startsAt);
    await expect(
      cancelRestOfSeries(db, { appointmentId: visits[2]!.id, reason: "practitioner_ill", note: "", actor: { id: w.staff.id, role: "practitioner" }, baseUrl: "http://clinic.test", now: NOW }),
    ).rejects.toMatchObject({ code: "forbidden" });
    const { cancelled } = await cancelRestOfSeries(db, {
      appointmentId: visits[2]!.id,
      reason: "practitioner_ill",
      note: "Leaving the clinic",
      actor: w.staff,
      baseUrl: "http://clinic.test",
      now: NOW,
    });
    expect(cancelled).toBe(2);
    const after = await db.select().from(appointments).where(eq(appointments.seriesId, booked.seriesId)).orderBy(appointments.startsAt);
    expect(after.map((a) => a.status)).toEqual(["confirmed", "confirmed", "cancelled", "cancelled"]);
    expect(after[3]).toMatchObject({ cancelReason: "practitioner_ill", cancelledBy: "clinic", cancelledLate: false });
    const emails = await db.select().from(outboxEmails).where(eq(outboxEmails.kind, "series_cancelled"));
    expect(emails.filter((e) => e.subject.startsWith("Cancelled: 2 visits of your plan"))).toHaveLength(1);
  });
});
