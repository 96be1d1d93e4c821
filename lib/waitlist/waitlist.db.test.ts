import { and, eq, inArray, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { rowsOf } from "@/db/client";
import { appointments, outboxEmails, practitionerServices, timeOff, waitlistEntries, waitlistOffers } from "@/db/schema";
import { createAppointment, createLocation, createPatient, createPractitioner, createService, createTimeOff, createUser, reportFlags, setWorkingHours } from "@/db/seed/factories";
import { NEW_YORK } from "@/db/testing/zones";
import { transitionAppointment } from "@/lib/appointments/commands";
import { getFreeSlots } from "@/lib/availability";
import { createAppointmentRequest } from "@/lib/booking/create";
import { DomainError } from "@/lib/errors";
import type { RedFlagCode } from "@/lib/triage/red-flags";
import { signId } from "@/lib/secrets";
import { addDaysIso, localDate, zonedInstant } from "@/lib/time";
import { OFFER_PURPOSE, acceptOffer, declineOffer, joinWaitlist, leaveByOffer, processWaitlist } from "./commands";

/**
 * Issue 13: the waitlist refills a freed time by itself — offered in priority order, held, accepted once,
 * passed on when the hold runs out, never offered twice. Real "now": the hold trigger and the freed-time
 * notes run on the database's clock.
 */
const BASE = "http://clinic.test";
const NY = NEW_YORK;
const DAY = addDaysIso(localDate(new Date(), NY), 3);
const at = (hhmm: string, day = DAY) => zonedInstant(day, hhmm, NY);
const intake = (redFlags: RedFlagCode[] = []) => ({ painStartedOn: "2026-10-01", painScore: 6, worseWith: "", redFlags, notes: "" });
const windows = { weekdays: [1, 2, 3, 4, 5, 6, 7], dayParts: ["morning" as const], until: addDaysIso(DAY, 7) };

let w: {
  slug: string;
  service: Awaited<ReturnType<typeof createService>>;
  practitionerId: string;
  locationId: string;
  staff: { id: string; role: "staff" };
  booked: string[];
};

/** A day whose mornings are full: 08:00–12:00 in four one-hour visits. */
async function fullMorning(day: string) {
  const db = getDb();
  const ids: string[] = [];
  for (const hhmm of ["08:00", "09:00", "10:00", "11:00"]) {
    const p = await createPatient(db);
    ids.push((await createAppointment(db, { patientId: p.id, practitionerId: w.practitionerId, service: w.service, locationId: w.locationId, startsAt: at(hhmm, day) })).id);
  }
  return ids;
}

async function waiting(redFlags: RedFlagCode[] = []) {
  const db = getDb();
  const patient = await createPatient(db);
  const { entryId } = await joinWaitlist(db, { service: w.slug, windows, intake: intake(redFlags) }, { actor: w.staff, patientId: patient.id });
  return { entryId, patientId: patient.id, email: patient.email };
}

async function cancel(appointmentId: string) {
  await getDb().transaction((tx) => transitionAppointment(tx, { appointmentId, move: "cancel", actor: w.staff, cancelReason: "patient_called", reason: "" }));
}

async function openOffers(entryIds: string[]) {
  return getDb()
    .select()
    .from(waitlistOffers)
    .where(and(inArray(waitlistOffers.entryId, entryIds), eq(waitlistOffers.status, "offered")));
}

const tokenOf = (offerId: string) => signId(OFFER_PURPOSE, offerId);

beforeAll(async () => {
  const db = getDb();
  const location = await createLocation(db, { timeZone: NY });
  const service = await createService(db, { discipline: "massage_therapist", durationMinutes: 60, bufferBeforeMinutes: 0, bufferAfterMinutes: 0, minNoticeMinutes: 0, isHandsOn: false });
  const p = await createPractitioner(db, { discipline: "massage_therapist", serviceIds: [service.id] });
  await setWorkingHours(db, { practitionerId: p.id, locationId: location.id, days: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: "08:00", end: "12:00" })) });
  const staff = await createUser(db, { role: "staff" });
  w = { slug: service.slug, service, practitionerId: p.id, locationId: location.id, staff: { id: staff.id, role: "staff" }, booked: [] };
  w.booked = await fullMorning(DAY);
});

describe("the waitlist", () => {
  it("offers a cancelled time to the first in triage priority, holds it against everyone else, and emails the link", async () => {
    const routine = await waiting();
    const urgent = await waiting(["fever_or_infection"]);
    await cancel(w.booked[2]!);
    const result = await processWaitlist(getDb(), { baseUrl: BASE });
    expect(result.offered).toBe(1);
    const [offer] = await openOffers([routine.entryId, urgent.entryId]);
    expect(offer!.entryId).toBe(urgent.entryId);
    expect(offer!.startsAt.toISOString()).toBe(at("10:00").toISOString());
    const [email] = await getDb()
      .select()
      .from(outboxEmails)
      .where(eq(outboxEmails.dedupeKey, `waitlist-offer:${offer!.id}`));
    expect(email!.toAddress).toBe(urgent.email);
    expect(email!.textBody).toContain(`${BASE}/waitlist/`);

    // Held: /book no longer shows it, and booking it is refused as taken.
    const free = await getFreeSlots(getDb(), { serviceSlug: w.slug, practitionerId: w.practitionerId, from: DAY, to: DAY });
    expect(free.slots.some((s) => s.start.getTime() === at("10:00").getTime())).toBe(false);
    const stranger = await createPatient(getDb());
    const outcome = await createAppointmentRequest(
      getDb(),
      {
        service: w.slug,
        practitionerId: w.practitionerId,
        start: at("10:00").toISOString(),
        patient: { name: stranger.fullName, email: stranger.email, phone: "555 0100", dateOfBirth: "1980-01-01" },
        intake: { ...intake(), redFlags: [] },
      },
      { actor: w.staff, baseUrl: BASE, patientId: stranger.id },
    );
    expect(outcome.kind).toBe("slot_taken");
    // The database refuses it too, whatever path writes (the hold trigger).
    await expect(createAppointment(getDb(), { patientId: stranger.id, practitionerId: w.practitionerId, service: w.service, locationId: w.locationId, startsAt: at("10:00") })).rejects.toThrow();

    // 20 accepts of the one offer at once (double taps, retries): one booking.
    const answers = await Promise.all(Array.from({ length: 20 }, () => acceptOffer(getDb(), tokenOf(offer!.id), { baseUrl: BASE })));
    expect(answers.filter((a) => a.kind === "booked")).toHaveLength(1);
    expect(answers.filter((a) => a.kind === "gone" && a.reason === "accepted")).toHaveLength(19);
    const atTen = await getDb()
      .select()
      .from(appointments)
      .where(and(eq(appointments.practitionerId, w.practitionerId), eq(appointments.startsAt, at("10:00")), inArray(appointments.status, ["requested", "confirmed"])));
    expect(atTen).toHaveLength(1);
    expect(atTen[0]!.patientId).toBe(urgent.patientId);
    const [entry] = await getDb().select().from(waitlistEntries).where(eq(waitlistEntries.id, urgent.entryId));
    expect(entry!.status).toBe("booked");
    // The routine patient still waits.
    const [still] = await getDb().select().from(waitlistEntries).where(eq(waitlistEntries.id, routine.entryId));
    expect(still!.status).toBe("waiting");
    await getDb().update(waitlistEntries).set({ status: "left" }).where(eq(waitlistEntries.id, routine.entryId));
  });

  it("an expired hold passes to the next patient in priority order; the late accept is told and stays on the list", async () => {
    const day = addDaysIso(DAY, 1);
    const booked = await fullMorning(day);
    const first = await waiting(["cancer_history"]);
    const second = await waiting();
    const third = await waiting();
    await cancel(booked[1]!);
    await processWaitlist(getDb(), { baseUrl: BASE });
    const [offer] = await openOffers([first.entryId, second.entryId, third.entryId]);
    expect(offer!.entryId).toBe(first.entryId);

    // Two hours and a minute later the job finds the hold ran out.
    const later = new Date(offer!.expiresAt.getTime() + 60_000);
    await processWaitlist(getDb(), { baseUrl: BASE, now: later });
    const [next] = await openOffers([first.entryId, second.entryId, third.entryId]);
    expect(next!.entryId).toBe(second.entryId);
    expect(next!.startsAt.getTime()).toBe(offer!.startsAt.getTime());

    const late = await acceptOffer(getDb(), tokenOf(offer!.id), { baseUrl: BASE, now: later });
    expect(late).toEqual({ kind: "gone", reason: "expired" });
    const [firstEntry] = await getDb().select().from(waitlistEntries).where(eq(waitlistEntries.id, first.entryId));
    expect(firstEntry!.status).toBe("waiting");

    // "No thanks" passes it on again, to the third.
    expect(await declineOffer(getDb(), tokenOf(next!.id))).toEqual({ kind: "declined" });
    await processWaitlist(getDb(), { baseUrl: BASE, now: later });
    const [third_] = await openOffers([first.entryId, second.entryId, third.entryId]);
    expect(third_!.entryId).toBe(third.entryId);
    // "Take me off the waitlist" from the link: the hold is withdrawn and no more offers come.
    expect(await leaveByOffer(getDb(), tokenOf(third_!.id))).toEqual({ kind: "left" });
    const [withdrawn] = await getDb().select().from(waitlistOffers).where(eq(waitlistOffers.id, third_!.id));
    expect(withdrawn!.status).toBe("withdrawn");
    const [left] = await getDb().select().from(waitlistEntries).where(eq(waitlistEntries.id, third.entryId));
    expect(left!.status).toBe("left");
    await getDb()
      .update(waitlistEntries)
      .set({ status: "left" })
      .where(inArray(waitlistEntries.id, [first.entryId, second.entryId]));
    await processWaitlist(getDb(), { baseUrl: BASE, now: later });
    await getDb()
      .update(waitlistOffers)
      .set({ status: "withdrawn" })
      .where(and(inArray(waitlistOffers.entryId, [first.entryId, second.entryId, third.entryId]), eq(waitlistOffers.status, "offered")));
  });

  it("a freed time is offered once when two instances run the job at the same moment", async () => {
    const day = addDaysIso(DAY, 2);
    const booked = await fullMorning(day);
    const people = [await waiting(), await waiting(), await waiting()];
    await cancel(booked[0]!);
    await Promise.all([processWaitlist(getDb(), { baseUrl: BASE }), processWaitlist(getDb(), { baseUrl: BASE })]);
    const offers = await getDb()
      .select()
      .from(waitlistOffers)
      .where(
        inArray(
          waitlistOffers.entryId,
          people.map((p) => p.entryId),
        ),
      );
    expect(offers).toHaveLength(1);
    expect(offers[0]!.startsAt.getTime()).toBe(at("08:00", day).getTime());
    const emails = rowsOf(await getDb().execute(sql`select 1 from outbox_emails where kind = 'waitlist_offer' and dedupe_key = ${`waitlist-offer:${offers[0]!.id}`}`));
    expect(emails).toHaveLength(1);
    await getDb()
      .update(waitlistEntries)
      .set({ status: "left" })
      .where(
        inArray(
          waitlistEntries.id,
          people.map((p) => p.entryId),
        ),
      );
    await getDb().update(waitlistOffers).set({ status: "withdrawn" }).where(eq(waitlistOffers.id, offers[0]!.id));
  });

  it("time off removed frees its hours for the waitlist", async () => {
    const db = getDb();
    const day = addDaysIso(DAY, 4);
    const off = await createTimeOff(db, { practitionerId: w.practitionerId, startsAt: at("08:00", day), endsAt: at("12:00", day) });
    const person = await waiting();
    await processWaitlist(db, { baseUrl: BASE });
    expect(await openOffers([person.entryId])).toHaveLength(0);
    await db.delete(timeOff).where(eq(timeOff.id, off.id));
    await processWaitlist(db, { baseUrl: BASE });
    const [offer] = await openOffers([person.entryId]);
    expect(offer!.startsAt.toISOString()).toBe(at("08:00", day).toISOString());
    await db.update(waitlistEntries).set({ status: "left" }).where(eq(waitlistEntries.id, person.entryId));
    await db.update(waitlistOffers).set({ status: "withdrawn" }).where(eq(waitlistOffers.id, offer!.id));
  });

  it("accepting goes through the hands-on gate: an emergency answer, or an uncleared flag on the record, holds a hands-on visit for review", async () => {
    const db = getDb();
    const handsOn = await createService(db, { discipline: "massage_therapist", durationMinutes: 60, minNoticeMinutes: 0, isHandsOn: true });
    await db.insert(practitionerServices).values({ practitionerId: w.practitionerId, serviceId: handsOn.id });
    const day = addDaysIso(DAY, 5);
    const booked = [];
    for (const hhmm of ["08:00", "09:00", "10:00", "11:00"]) {
      const p = await createPatient(db);
      booked.push((await createAppointment(db, { patientId: p.id, practitionerId: w.practitionerId, service: handsOn, locationId: w.locationId, startsAt: at(hhmm, day) })).id);
    }
    // One answered Yes to the bladder question when joining; the other has an uncleared flag on record.
    const flagged = await createPatient(db);
    const { entryId: answered } = await joinWaitlist(db, { service: handsOn.slug, windows, intake: intake(["bladder_bowel_change"]) }, { actor: w.staff, patientId: flagged.id });
    const recorded = await createPatient(db);
    await reportFlags(db, { patientId: recorded.id, codes: ["saddle_numbness"] });
    const { entryId: onRecord } = await joinWaitlist(db, { service: handsOn.slug, windows, intake: intake() }, { actor: w.staff, patientId: recorded.id });
    await cancel(booked[0]!);
    await cancel(booked[1]!);
    await processWaitlist(db, { baseUrl: BASE });
    const offers = await openOffers([answered, onRecord]);
    expect(offers).toHaveLength(2);
    for (const offer of offers) {
      const outcome = await acceptOffer(db, tokenOf(offer.id), { baseUrl: BASE });
      expect(outcome.kind).toBe("booked");
      if (outcome.kind !== "booked") continue;
      // Never confirmed straight away: a clinician reviews it first.
      expect(outcome.appointment.status).toBe("requested");
      const [row] = await db.select().from(appointments).where(eq(appointments.id, outcome.appointment.id));
      expect(row!.status).toBe("requested");
    }
  });

  it("refuses windows nobody works in, a day past the horizon and an unknown offer link, writing nothing", async () => {
    const patient = await createPatient(getDb());
    const before = rowsOf<{ n: number }>(await getDb().execute(sql`select count(*)::int as n from waitlist_entries`))[0]!.n;
    const evening = joinWaitlist(getDb(), { service: w.slug, windows: { ...windows, dayParts: ["evening"] }, intake: intake() }, { actor: w.staff, patientId: patient.id });
    await expect(evening).rejects.toBeInstanceOf(DomainError);
    await expect(evening).rejects.toMatchObject({ fields: { "windows.weekdays": expect.anything() } });
    const tooFar = joinWaitlist(getDb(), { service: w.slug, windows: { ...windows, until: addDaysIso(DAY, 400) }, intake: intake() }, { actor: w.staff, patientId: patient.id });
    await expect(tooFar).rejects.toMatchObject({ fields: { "windows.until": expect.anything() } });
    // A visitor who has not proved the address.
    const visitor = joinWaitlist(
      getDb(),
      { service: w.slug, windows, intake: intake(), patient: { name: "Vera Visitor", email: "vera@example.test", phone: "555 0101", dateOfBirth: "1980-01-01" } },
      { actor: null },
    );
    await expect(visitor).rejects.toMatchObject({ fields: { emailCode: expect.anything() } });
    // A practitioner may not put patients on the list.
    await expect(joinWaitlist(getDb(), { service: w.slug, windows, intake: intake() }, { actor: { id: w.staff.id, role: "practitioner" }, patientId: patient.id })).rejects.toMatchObject({
      code: "forbidden",
    });
    const after = rowsOf<{ n: number }>(await getDb().execute(sql`select count(*)::int as n from waitlist_entries`))[0]!.n;
    expect(after).toBe(before);
    await expect(acceptOffer(getDb(), "not-a-token.xyz", { baseUrl: BASE })).rejects.toMatchObject({ code: "not_found" });
  });
});
