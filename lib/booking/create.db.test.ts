import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { appointments, intakes, outboxEmails } from "@/db/schema";
import { createLocation, createPractitioner, createService, setWorkingHours, uniqueEmail } from "@/db/seed/factories";
import { addDaysIso, isoWeekday, localDate, zonedInstant } from "@/lib/time";
import { createAppointmentRequest, type BookingOutcome } from "./create";
import { cancelAppointment, rescheduleAppointment, resolveManageToken } from "./manage";
import type { AppointmentRequest } from "./schemas";
import { NEW_YORK } from "@/db/testing/zones";

const NY = NEW_YORK;
const BASE = "http://clinic.test";

// A fresh weekday for each test, well inside the booking horizon, so tests never share a day.
let cursor = addDaysIso(localDate(new Date(), NY), 9);
function futureWeekday(): string {
  do cursor = addDaysIso(cursor, 1);
  while (isoWeekday(cursor) > 5);
  return cursor;
}

let ctx: { serviceSlug: string; reviewSlug: string; practitionerId: string; otherPractitionerId: string };

beforeAll(async () => {
  const db = getDb();
  const location = await createLocation(db);
  const massage = await createService(db, { discipline: "massage_therapist", durationMinutes: 60, minNoticeMinutes: 60 });
  const consult = await createService(db, { discipline: "spine_physician", durationMinutes: 45, needsReview: true });
  const p = await createPractitioner(db, { discipline: "massage_therapist", serviceIds: [massage.id, consult.id] });
  const other = await createPractitioner(db, { discipline: "massage_therapist", serviceIds: [massage.id] });
  for (const id of [p.id, other.id]) {
    await setWorkingHours(db, {
      practitionerId: id,
      locationId: location.id,
      days: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: "09:00", end: "17:00", breaks: [{ start: "12:00", end: "13:00" }] })),
    });
  }
  ctx = { serviceSlug: massage.slug, reviewSlug: consult.slug, practitionerId: p.id, otherPractitionerId: other.id };
});

const request = (date: string, time: string, over: Partial<AppointmentRequest> = {}): AppointmentRequest => ({
  service: ctx.serviceSlug,
  practitionerId: ctx.practitionerId,
  start: zonedInstant(date, time, NY).toISOString(),
  patient: { name: "Pat Example", email: uniqueEmail("pat"), phone: "+1 212 555 0100", dateOfBirth: "1980-02-03" },
  intake: { painStartedOn: "2026-01-01", painScore: 6, worseWith: "sitting", redFlags: [], notes: "" },
  ...over,
});

// Requests whose sender proved the address (the /book code); anonymous pending requests: lib/verification.
const book = (input: AppointmentRequest, idempotencyKey?: string) => createAppointmentRequest(getDb(), input, { actor: null, baseUrl: BASE, idempotencyKey, verifiedEmail: input.patient.email });
const created = (o: BookingOutcome) => {
  if (o.kind !== "created" && o.kind !== "replayed") throw new Error(`expected a booking, got ${o.kind}`);
  return o.appointment;
};

describe("createAppointmentRequest", () => {
  it("confirms a massage with no red flags at once, with its intake and a confirmation email", async () => {
    const a = created(await book(request(futureWeekday(), "09:00")));
    expect(a.status).toBe("confirmed");
    expect(a.priority).toBe("routine");
    expect(a.manageUrl).toMatch(new RegExp(`^${BASE}/manage/${a.id}\\.[\\w-]{43}$`));
    const [intake] = await getDb().select().from(intakes).where(eq(intakes.appointmentId, a.id));
    expect(intake).toMatchObject({ painScore: 6, worseWith: "sitting", priority: "routine" });
    const emails = await getDb().select().from(outboxEmails).where(eq(outboxEmails.appointmentId, a.id));
    expect(emails.map((e) => e.kind)).toEqual(["request_received"]);
    expect(emails[0]!.textBody).toContain(a.manageUrl);
  });

  it("makes a request, not a booking, for a reviewed service or any red flag", async () => {
    const date = futureWeekday();
    const review = created(await book(request(date, "10:00", { service: ctx.reviewSlug })));
    expect(review.status).toBe("requested");
    const flagged = created(await book(request(date, "13:00", { intake: { painStartedOn: "2026-01-01", painScore: 8, worseWith: "", notes: "", redFlags: ["saddle_numbness"] } })));
    expect(flagged).toMatchObject({ status: "requested", priority: "emergency" });
    expect(flagged.triage.showEmergencyAdvice).toBe(true);
  });

  it("gives exactly one of 20 concurrent requests for one slot", async () => {
    const date = futureWeekday();
    const outcomes = await Promise.all(Array.from({ length: 20 }, () => book(request(date, "14:00"))));
    expect(outcomes.filter((o) => o.kind === "created")).toHaveLength(1);
    expect(outcomes.filter((o) => o.kind === "slot_taken")).toHaveLength(19);
    const rows = await getDb()
      .select()
      .from(appointments)
      .where(and(eq(appointments.practitionerId, ctx.practitionerId), eq(appointments.startsAt, zonedInstant(date, "14:00", NY)), inArray(appointments.status, ["requested", "confirmed"])));
    expect(rows).toHaveLength(1);
  });

  it("refuses overlapping-but-unequal times, allows back-to-back, and offers alternatives", async () => {
    const date = futureWeekday();
    created(await book(request(date, "10:00")));
    const overlap = await book(request(date, "10:30"));
    expect(overlap.kind).toBe("slot_taken");
    if (overlap.kind === "slot_taken") {
      expect(overlap.alternatives.length).toBeGreaterThan(0);
      expect(overlap.alternatives.length).toBeLessThanOrEqual(3);
      for (const alt of overlap.alternatives)
        expect(alt.start.getTime() >= zonedInstant(date, "11:00", NY).getTime() || alt.start.getTime() + 3_600_000 <= zonedInstant(date, "10:00", NY).getTime()).toBe(true);
    }
    expect(created(await book(request(date, "11:00"))).status).toBe("confirmed");
  });

  it("refuses a time outside working hours as unavailable", async () => {
    const outcome = await book(request(futureWeekday(), "12:15"));
    expect(outcome.kind).toBe("slot_unavailable");
  });

  it("frees the time when cancelled, so it can be booked again", async () => {
    const date = futureWeekday();
    const first = created(await book(request(date, "15:00")));
    expect((await book(request(date, "15:00"))).kind).toBe("slot_taken");
    const cancel = await cancelAppointment(getDb(), { appointmentId: first.id, reason: "", enforceCutoff: true, actor: null, baseUrl: BASE });
    expect(cancel.kind).toBe("done");
    expect(created(await book(request(date, "15:00"))).status).toBe("confirmed");
  });

  it("replays a request with the same key and refuses the key for another body", async () => {
    const key = `test-${randomUUID()}`;
    const date = futureWeekday();
    const input = request(date, "09:00");
    const [a, b] = await Promise.all([book(input, key), book(input, key)]);
    const ids = [created(a).id, created(b).id];
    expect(ids[0]).toBe(ids[1]);
    const again = await book(input, key);
    expect(again.kind).toBe("replayed");
    expect(created(again).id).toBe(ids[0]);
    expect((await book({ ...input, start: zonedInstant(date, "10:00", NY).toISOString() }, key)).kind).toBe("key_reused");
    const rows = await getDb().select().from(appointments).where(eq(appointments.id, ids[0]!));
    expect(rows).toHaveLength(1);
  });
});

describe("hostile text", () => {
  it("is stored exactly as typed and escaped in every email", async () => {
    const payloads = {
      name: `<img src=x onerror=alert(1)> "Robert'); DROP TABLE patients;--"`,
      notes: "<script>alert('x')</script> javascript:alert(1) <svg onload=alert(1)>",
      worseWith: "<b>sitting</b>",
    };
    const a = created(
      await book(
        request(futureWeekday(), "09:00", {
          patient: { name: payloads.name, email: uniqueEmail("xss"), phone: "+1 212 555 0100", dateOfBirth: "1980-02-03" },
          intake: { painStartedOn: "2026-01-01", painScore: 2, worseWith: payloads.worseWith, redFlags: [], notes: payloads.notes },
        }),
      ),
    );
    const [intake] = await getDb().select().from(intakes).where(eq(intakes.appointmentId, a.id));
    expect(intake).toMatchObject({ notes: payloads.notes, worseWith: payloads.worseWith });
    const [email] = await getDb().select().from(outboxEmails).where(eq(outboxEmails.appointmentId, a.id));
    expect(email!.htmlBody).not.toMatch(/<img|<script|<svg|<b>/);
    expect(email!.htmlBody).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(email!.textBody).toContain(payloads.name);
  });
});

describe("manage links", () => {
  it("reschedule moves the appointment; a cancelled one can no longer be moved", async () => {
    const date = futureWeekday();
    const a = created(await book(request(date, "09:00")));
    const token = a.manageUrl.split("/manage/")[1]!;
    expect((await resolveManageToken(getDb(), token))?.kind).toBe("open");

    const moved = await rescheduleAppointment(getDb(), { appointmentId: a.id, start: zonedInstant(date, "09:30", NY), enforceCutoff: true, actor: null, baseUrl: BASE });
    expect(moved.kind).toBe("done");
    if (moved.kind === "done") expect(moved.details.startsAt.toISOString()).toBe(zonedInstant(date, "09:30", NY).toISOString());

    await cancelAppointment(getDb(), { appointmentId: a.id, reason: "better", enforceCutoff: true, actor: null, baseUrl: BASE });
    const state = await resolveManageToken(getDb(), token);
    expect(state?.kind).toBe("cancelled");
    const again = await rescheduleAppointment(getDb(), { appointmentId: a.id, start: zonedInstant(date, "11:00", NY), enforceCutoff: true, actor: null, baseUrl: BASE });
    expect(again).toEqual({ kind: "not_allowed", reason: "cancelled" });
  });

  it("stops working inside the cutoff and after the appointment", async () => {
    const date = futureWeekday();
    const a = created(await book(request(date, "09:00")));
    const token = a.manageUrl.split("/manage/")[1]!;
    const start = zonedInstant(date, "09:00", NY).getTime();
    expect((await resolveManageToken(getDb(), token, new Date(start - 23 * 3_600_000)))?.kind).toBe("past_cutoff");
    expect(await resolveManageToken(getDb(), token, new Date(start + 2 * 3_600_000))).toBeNull();
    const late = await cancelAppointment(getDb(), { appointmentId: a.id, reason: "", enforceCutoff: true, actor: null, baseUrl: BASE, now: new Date(start - 3_600_000) });
    expect(late).toEqual({ kind: "not_allowed", reason: "past_cutoff" });
  });

  it("refuses a forged token", async () => {
    expect(await resolveManageToken(getDb(), `${randomUUID()}.forgedforgedforgedforgedforgedforgedforged1`)).toBeNull();
  });
});
