import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { appointments, intakes } from "@/db/schema";
import { createLocation, createPractitioner, createService, createUser, setWorkingHours, uniqueEmail } from "@/db/seed/factories";
import { createAppointmentRequest } from "@/lib/booking/create";
import { getClinicSettings } from "@/lib/cases/settings";
import { addDaysIso, isoWeekday, localDate, zonedInstant } from "@/lib/time";
import { getCaseRecord } from "./record";
import { NEW_YORK } from "@/db/testing/zones";

const NY = NEW_YORK;
let serviceSlug = "";
let practitionerId = "";
let day = addDaysIso(localDate(new Date(), NY), 10);
while (isoWeekday(day) > 5) day = addDaysIso(day, 1);

beforeAll(async () => {
  const db = getDb();
  const location = await createLocation(db);
  const service = await createService(db, { discipline: "massage_therapist", durationMinutes: 60, minNoticeMinutes: 60 });
  const p = await createPractitioner(db, { discipline: "massage_therapist", serviceIds: [service.id] });
  await setWorkingHours(db, { practitionerId: p.id, locationId: location.id, days: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: "09:00", end: "17:00" })) });
  serviceSlug = service.slug;
  practitionerId = p.id;
});

async function bookAs(actor: { id: string; role: "staff" } | null, time: string, note: string) {
  const outcome = await createAppointmentRequest(
    getDb(),
    {
      service: serviceSlug,
      practitionerId,
      start: zonedInstant(day, time, NY).toISOString(),
      patient: { name: "Noor Phone", email: uniqueEmail("noor"), phone: "+1 212 555 0100", dateOfBirth: "1980-02-03" },
      intake: { painStartedOn: "2026-01-01", painScore: 5, worseWith: "", redFlags: [], notes: note },
    },
    { actor, baseUrl: "http://clinic.test" },
  );
  if (outcome.kind !== "created") throw new Error(outcome.kind);
  return outcome.appointment.id;
}

describe("who typed an intake's note", () => {
  it("is recorded: the patient online, or the front desk booking on the phone — and the case page's record says which", async () => {
    const db = getDb();
    const desk = await createUser(db, { role: "staff", email: uniqueEmail("desk") });
    const online = await bookAs(null, "09:00", "Typed by the patient.");
    const byPhone = await bookAs({ id: desk.id, role: "staff" }, "11:00", "Patient says it started after gardening.");
    const rows = await db.select({ id: intakes.appointmentId, enteredBy: intakes.enteredBy, enteredByUserId: intakes.enteredByUserId }).from(intakes);
    expect(rows.find((r) => r.id === online)).toMatchObject({ enteredBy: "patient", enteredByUserId: null });
    expect(rows.find((r) => r.id === byPhone)).toMatchObject({ enteredBy: "staff", enteredByUserId: desk.id });

    const [a] = await db.select({ caseId: appointments.caseId }).from(appointments).where(eq(appointments.id, byPhone));
    const physician = await createPractitioner(db, { discipline: "spine_physician", account: { email: uniqueEmail("doc") } });
    const viewer = {
      id: physician.user!.id,
      email: physician.user!.email,
      name: "Doc",
      role: "practitioner" as const,
      sessionId: "s",
      patientId: null,
      practitionerId: physician.id,
      discipline: "spine_physician" as const,
    };
    const record = await getCaseRecord(db, a!.caseId!, viewer, await getClinicSettings(db));
    expect(record!.requests.find((r) => r.id === byPhone)?.notesEnteredBy).toBe("staff");
  });
});
