import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { appointments, cases } from "@/db/schema";
import { clearFlags, createAppointment, createCase, createLocation, createPatient, createPractitioner, createService, createUser } from "@/db/seed/factories";
import type { CurrentUser } from "@/lib/auth/sessions";
import { markVisit } from "@/lib/desk/commands";
import { addDaysIso, localDate, zonedInstant } from "@/lib/time";
import { assignLead } from "./commands";
import { NEW_YORK } from "@/db/testing/zones";

type Person = CurrentUser;
let lead: Person, other: Person, admin: Person, staff: Person;
let patientId: string, locationId: string;
let massage: Awaited<ReturnType<typeof createService>>;

async function practitionerUser(): Promise<Person> {
  const p = await createPractitioner(getDb(), { discipline: "physical_therapist", account: {} });
  return { id: p.user!.id, email: p.user!.email, name: p.displayName, role: "practitioner", sessionId: "s", patientId: null, practitionerId: p.id, discipline: "physical_therapist" };
}
async function plainUser(role: "admin" | "staff"): Promise<Person> {
  const u = await createUser(getDb(), { role });
  return { id: u.id, email: u.email, name: u.name, role, sessionId: "s", patientId: null, practitionerId: null, discipline: null };
}

beforeAll(async () => {
  const db = getDb();
  [lead, other, admin, staff] = [await practitionerUser(), await practitionerUser(), await plainUser("admin"), await plainUser("staff")];
  patientId = (await createPatient(db, {})).id;
  locationId = (await createLocation(db)).id;
  massage = await createService(db, { discipline: "massage_therapist", durationMinutes: 60 });
});

const leadOf = async (caseId: string) => (await getDb().select({ lead: cases.leadPractitionerId }).from(cases).where(eq(cases.id, caseId)))[0]!.lead;
const assign = (caseId: string, to: Person, by: Person) => getDb().transaction((tx) => assignLead(tx, caseId, to.practitionerId!, by, false, { onlyLeadOrAdmin: true }));

describe("handing a case to another practitioner", () => {
  it("is for the lead or an admin once the case has a lead; anyone may place an unassigned case", async () => {
    const c = await createCase(getDb(), { patientId });
    await assign(c.id, lead, other); // unassigned: anyone on the team may place it
    expect(await leadOf(c.id)).toBe(lead.practitionerId);
    await expect(assign(c.id, other, other)).rejects.toMatchObject({ code: "forbidden" });
    expect(await leadOf(c.id)).toBe(lead.practitionerId);
    await assign(c.id, other, lead);
    expect(await leadOf(c.id)).toBe(other.practitionerId);
    await assign(c.id, lead, admin);
    expect(await leadOf(c.id)).toBe(lead.practitionerId);
  });
});

describe("marking a walk-in request completed", () => {
  it("keeps the red-flag rule: massage with uncleared red flags cannot be completed from a request", async () => {
    const db = getDb();
    const massageTherapist = await createPractitioner(db, { discipline: "massage_therapist", serviceIds: [massage.id] });
    const flagged = await createCase(db, { patientId, redFlags: ["fever_or_infection"] });
    const day = addDaysIso(localDate(new Date(), NEW_YORK), 3);
    const a = await createAppointment(db, {
      patientId,
      practitionerId: massageTherapist.id,
      service: massage,
      locationId,
      startsAt: zonedInstant(day, "10:00", NEW_YORK),
      status: "requested",
    });
    await db.update(appointments).set({ caseId: flagged.id }).where(eq(appointments.id, a.id));
    await expect(db.transaction((tx) => markVisit(tx, a.id, "completed", staff))).rejects.toMatchObject({ code: "hands_on_gate" });
    expect((await db.select({ s: appointments.status }).from(appointments).where(eq(appointments.id, a.id)))[0]!.s).toBe("requested");

    await clearFlags(db, { patientId, clearedBy: admin.id });
    await db.transaction((tx) => markVisit(tx, a.id, "completed", staff));
    expect((await db.select({ s: appointments.status }).from(appointments).where(eq(appointments.id, a.id)))[0]!.s).toBe("completed");
  });
});
