import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { appointments, cases, painScores } from "@/db/schema";
import { createCase, createLocation, createPatient, createPractitioner, createService, setWorkingHours, uniqueEmail } from "@/db/seed/factories";
import { PRIORITIES, PRIORITY_RANK } from "@/lib/triage/red-flags";
import { createAppointmentRequest } from "@/lib/booking/create";
import { addDaysIso, isoWeekday, localDate, zonedInstant } from "@/lib/time";
import { NEW_YORK } from "@/db/testing/zones";

const NY = NEW_YORK;
let ctx: { slug: string; practitionerId: string };
let cursor = addDaysIso(localDate(new Date(), NY), 20);
const nextDay = () => {
  do cursor = addDaysIso(cursor, 1);
  while (isoWeekday(cursor) > 5);
  return cursor;
};

beforeAll(async () => {
  const db = getDb();
  const location = await createLocation(db);
  const service = await createService(db, { discipline: "massage_therapist", durationMinutes: 30 });
  const p = await createPractitioner(db, { discipline: "massage_therapist", serviceIds: [service.id] });
  await setWorkingHours(db, { practitionerId: p.id, locationId: location.id, days: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: "09:00", end: "17:00" })) });
  ctx = { slug: service.slug, practitionerId: p.id };
});

const request = (email: string, redFlags: string[] = [], painScore = 5) =>
  createAppointmentRequest(
    getDb(),
    {
      service: ctx.slug,
      practitionerId: ctx.practitionerId,
      start: zonedInstant(nextDay(), "10:00", NY).toISOString(),
      patient: { name: "Case Patient", email, phone: "+1 212 555 0100", dateOfBirth: "1970-03-03" },
      intake: { painStartedOn: addDaysIso(localDate(new Date(), NY), -100), painScore, worseWith: "", redFlags: redFlags as never, notes: "" },
    },
    { actor: null, baseUrl: "http://clinic.test", verifiedEmail: email },
  );

describe("a request opens or joins the patient's case", () => {
  it("opens a case on the first request, joins it on the next, and only ever raises its priority", async () => {
    const email = uniqueEmail("case");
    const first = await request(email, [], 6);
    if (first.kind !== "created") throw new Error(first.kind);
    const [a1] = await getDb().select().from(appointments).where(eq(appointments.id, first.appointment.id));
    const [c1] = await getDb().select().from(cases).where(eq(cases.id, a1!.caseId!));
    expect(c1).toMatchObject({ status: "new", priority: "routine", durationClass: "chronic", suggestedDiscipline: "physical_therapist", hasRedFlags: false });

    const second = await request(email, ["fever_or_infection"], 8);
    if (second.kind !== "created") throw new Error(second.kind);
    const [a2] = await getDb().select().from(appointments).where(eq(appointments.id, second.appointment.id));
    expect(a2!.caseId).toBe(c1!.id);
    const [c2] = await getDb().select().from(cases).where(eq(cases.id, c1!.id));
    expect(c2).toMatchObject({ priority: "same_day", hasRedFlags: true, awaitingReview: true, redFlags: ["fever_or_infection"] });

    const third = await request(email, [], 3);
    if (third.kind !== "created") throw new Error(third.kind);
    const [c3] = await getDb().select().from(cases).where(eq(cases.id, c1!.id));
    expect(c3!.priority).toBe("same_day");
    const scores = await getDb().select().from(painScores).where(eq(painScores.caseId, c1!.id));
    expect(scores.map((s) => s.score).sort()).toEqual([3, 6, 8]);
  });
});

describe("what the database derives for the queue", () => {
  it("ranks every priority as PRIORITY_RANK does and flags cases with red flags, on insert and on change", async () => {
    const db = getDb();
    const patient = await createPatient(db, {});
    for (const priority of PRIORITIES) {
      const c = await createCase(db, { patientId: patient.id, priority, redFlags: priority === "routine" ? [] : ["fever_or_infection"] });
      expect(c.priorityRank).toBe(PRIORITY_RANK[priority]);
      expect(c.hasRedFlags).toBe(priority !== "routine");
    }
    const c = await createCase(db, { patientId: patient.id, priority: "routine" });
    const [changed] = await db
      .update(cases)
      .set({ priority: "emergency", redFlags: ["saddle_numbness"] })
      .where(eq(cases.id, c.id))
      .returning();
    expect(changed).toMatchObject({ priorityRank: 0, hasRedFlags: true });
    const [cleared] = await db.update(cases).set({ priority: "within_48h", redFlags: [] }).where(eq(cases.id, c.id)).returning();
    expect(cleared).toMatchObject({ priorityRank: 2, hasRedFlags: false });
  });
});
