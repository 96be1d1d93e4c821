import { and, eq, inArray, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { rowsOf } from "@/db/client";
import { PG, pgErrorCode } from "@/db/errors";
import { appointments, intakes, rooms } from "@/db/schema";
import { createAppointment, createLocation, createPatient, createPractitioner, createRoom, createService, createUser, setWorkingHours, uniqueEmail } from "@/db/seed/factories";
import { NEW_YORK } from "@/db/testing/zones";
import type { CurrentUser } from "@/lib/auth/sessions";
import { getFreeSlots, getPublicFreeSlots } from "@/lib/availability";
import { createAppointmentRequest } from "@/lib/booking/create";
import { staffMoveAppointment } from "@/lib/desk/commands";
import { addDaysIso, isoWeekday, localDate, zonedInstant } from "@/lib/time";

/**
 * Issue 12: rooms as resources. A service that needs a room kind is bookable only when the practitioner
 * and a room of the kind are free; booking and moves take a room; the database refuses two active
 * appointments in one room at once, a room of the wrong kind or of another location.
 */
const NY = NEW_YORK;
const BASE = "http://clinic.test";

let cursor = addDaysIso(localDate(new Date(), NY), 4);
function futureWeekday(): string {
  do cursor = addDaysIso(cursor, 1);
  while (isoWeekday(cursor) > 5);
  return cursor;
}

let w: {
  locationId: string;
  roomIds: [string, string];
  treatmentRoomId: string;
  otherLocationRoomId: string;
  slug: string;
  service: Awaited<ReturnType<typeof createService>>;
  plainSlug: string;
  therapists: string[];
  staff: CurrentUser;
};

beforeAll(async () => {
  const db = getDb();
  const location = await createLocation(db, { timeZone: NY });
  const elsewhere = await createLocation(db, { name: "Elsewhere", timeZone: NY });
  const r1 = await createRoom(db, { locationId: location.id, kind: "massage", name: "Massage 1" });
  const r2 = await createRoom(db, { locationId: location.id, kind: "massage", name: "Massage 2" });
  const treatment = await createRoom(db, { locationId: location.id, kind: "treatment", name: "Treatment" });
  const far = await createRoom(db, { locationId: elsewhere.id, kind: "massage", name: "Far massage" });
  const service = await createService(db, { discipline: "massage_therapist", durationMinutes: 60, bufferAfterMinutes: 15, minNoticeMinutes: 60, roomKind: "massage" });
  const plain = await createService(db, { discipline: "massage_therapist", durationMinutes: 30, minNoticeMinutes: 60 });
  const therapists: string[] = [];
  for (let i = 0; i < 4; i++) {
    const p = await createPractitioner(db, { discipline: "massage_therapist", serviceIds: [service.id, plain.id] });
    await setWorkingHours(db, { practitionerId: p.id, locationId: location.id, days: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: "09:00", end: "17:00" })) });
    therapists.push(p.id);
  }
  const staff = await createUser(db, { role: "staff" });
  w = {
    locationId: location.id,
    roomIds: [r1.id, r2.id],
    treatmentRoomId: treatment.id,
    otherLocationRoomId: far.id,
    slug: service.slug,
    service,
    plainSlug: plain.slug,
    therapists,
    staff: { ...staff, role: "staff", sessionId: "s", patientId: null, practitionerId: null, discipline: null },
  };
});

function book(practitionerId: string, date: string, time: string, slug = w.slug) {
  return createAppointmentRequest(
    getDb(),
    {
      service: slug,
      practitionerId,
      start: zonedInstant(date, time, NY).toISOString(),
      patient: { name: "Robin Room", email: uniqueEmail("rooms"), phone: "+1 212 555 0101", dateOfBirth: "1980-02-02" },
      intake: { painStartedOn: "2026-01-01", painScore: 4, worseWith: "", redFlags: [], notes: "" },
    },
    { actor: { id: w.staff.id, role: "staff" }, baseUrl: BASE },
  );
}

async function bookedRow(practitionerId: string, date: string, time: string, slug = w.slug) {
  const outcome = await book(practitionerId, date, time, slug);
  if (outcome.kind !== "created") throw new Error(`expected a booking, got ${outcome.kind}`);
  return (await getDb().select().from(appointments).where(eq(appointments.id, outcome.appointment.id)))[0]!;
}

/** Active appointments sharing a room at overlapping times (must be none). */
async function roomOverlaps(): Promise<number> {
  const result = await getDb().execute(sql`
    select count(*)::int as n from appointments a join appointments b
      on a.room_id = b.room_id and a.id < b.id
     and tstzrange(a.blocked_from, a.blocked_until, '[)') && tstzrange(b.blocked_from, b.blocked_until, '[)')
    where a.status in ('requested', 'confirmed', 'completed') and b.status in ('requested', 'confirmed', 'completed')`);
  return Number(rowsOf<{ n: number }>(result)[0]!.n);
}

const errorCodeOf = async (work: Promise<unknown>) => {
  try {
    await work;
    return "none";
  } catch (err) {
    return pgErrorCode(err);
  }
};

describe("rooms", () => {
  it("booking takes a free room of the kind at the practitioner's location; a service needing no room holds none", async () => {
    const date = futureWeekday();
    const first = await bookedRow(w.therapists[0]!, date, "10:00");
    const second = await bookedRow(w.therapists[1]!, date, "10:00");
    expect(w.roomIds).toContain(first.roomId);
    expect(w.roomIds).toContain(second.roomId);
    expect(second.roomId).not.toBe(first.roomId);
    const plain = await bookedRow(w.therapists[2]!, date, "10:00", w.plainSlug);
    expect(plain.roomId).toBeNull();
  });

  it("20 concurrent bookings for one time with one room left: one is booked, the others are told it was taken", async () => {
    const date = futureWeekday();
    await bookedRow(w.therapists[0]!, date, "11:00"); // one of the two rooms
    const others = w.therapists.slice(1);
    const outcomes = await Promise.all(Array.from({ length: 20 }, (_, i) => book(others[i % others.length]!, date, "11:00")));
    expect(outcomes.filter((o) => o.kind === "created")).toHaveLength(1);
    expect(outcomes.filter((o) => o.kind !== "created").every((o) => o.kind === "slot_taken")).toBe(true);
    const atEleven = await getDb()
      .select({ roomId: appointments.roomId })
      .from(appointments)
      .where(and(eq(appointments.startsAt, zonedInstant(date, "11:00", NY)), inArray(appointments.status, ["requested", "confirmed"])));
    expect(atEleven.map((r) => r.roomId).sort()).toEqual([...w.roomIds].sort());
    expect(await roomOverlaps()).toBe(0);
  });

  it("a time stops being offered to everyone once the last room is taken by other practitioners, cached answers included", async () => {
    const date = futureWeekday();
    const offered = async (loader: typeof getFreeSlots) => (await loader(getDb(), { serviceSlug: w.slug, practitionerId: w.therapists[3]!, from: date, to: date })).slots.map((s) => s.start.getTime());
    const two = zonedInstant(date, "14:00", NY).getTime();
    expect(await offered(getPublicFreeSlots)).toContain(two);
    await bookedRow(w.therapists[0]!, date, "14:00");
    expect(await offered(getPublicFreeSlots)).toContain(two); // one room still free
    await bookedRow(w.therapists[1]!, date, "14:00");
    expect(await offered(getPublicFreeSlots)).not.toContain(two);
    expect(await offered(getFreeSlots)).not.toContain(two);
    // The practitioner is free, and the rest of the day is still offered.
    expect(await offered(getPublicFreeSlots)).toContain(zonedInstant(date, "09:00", NY).getTime());
    const refused = await book(w.therapists[3]!, date, "14:00");
    expect(refused.kind).toBe("slot_taken");
  });

  it("the database refuses two active appointments in one room at once, a room of another kind or location; a cancellation frees the room", async () => {
    const db = getDb();
    const date = futureWeekday();
    const patient = await createPatient(db);
    const base = { patientId: patient.id, service: w.service, locationId: w.locationId };
    const held = await createAppointment(db, { ...base, practitionerId: w.therapists[0]!, startsAt: zonedInstant(date, "09:00", NY), roomId: w.roomIds[0] });
    const clash = () => createAppointment(db, { ...base, practitionerId: w.therapists[1]!, startsAt: zonedInstant(date, "09:30", NY), roomId: w.roomIds[0] });
    expect(await errorCodeOf(clash())).toBe(PG.exclusionViolation);
    // The buffer is turnover time: 10:00 is inside the first visit's 15 minutes.
    expect(await errorCodeOf(createAppointment(db, { ...base, practitionerId: w.therapists[1]!, startsAt: zonedInstant(date, "10:00", NY), roomId: w.roomIds[0] }))).toBe(PG.exclusionViolation);
    expect(await errorCodeOf(createAppointment(db, { ...base, practitionerId: w.therapists[2]!, startsAt: zonedInstant(date, "12:00", NY), roomId: w.treatmentRoomId }))).toBe(PG.checkViolation);
    expect(await errorCodeOf(createAppointment(db, { ...base, practitionerId: w.therapists[2]!, startsAt: zonedInstant(date, "13:00", NY), roomId: w.otherLocationRoomId }))).toBe(
      PG.foreignKeyViolation,
    );
    await db.update(appointments).set({ status: "cancelled" }).where(eq(appointments.id, held.id));
    expect(await errorCodeOf(clash())).toBe("none");
  });

  it("a desk move across practitioners keeps the intake and the case and takes a room at the new time; where no room is free it is refused and nothing changes", async () => {
    const db = getDb();
    const date = futureWeekday();
    const a = await bookedRow(w.therapists[0]!, date, "09:00");
    const [intakeBefore] = await db.select().from(intakes).where(eq(intakes.appointmentId, a.id));
    await bookedRow(w.therapists[1]!, date, "15:00");
    await bookedRow(w.therapists[2]!, date, "15:00");

    const refused = await staffMoveAppointment(db, {
      appointmentId: a.id,
      practitionerId: w.therapists[3]!,
      start: zonedInstant(date, "15:00", NY),
      reason: "patient_called",
      actor: w.staff,
      baseUrl: BASE,
    });
    expect(refused).toMatchObject({ kind: "slot_taken", because: "room" });
    expect((await db.select().from(appointments).where(eq(appointments.id, a.id)))[0]).toMatchObject({ practitionerId: a.practitionerId, startsAt: a.startsAt, roomId: a.roomId });

    const moved = await staffMoveAppointment(db, {
      appointmentId: a.id,
      practitionerId: w.therapists[3]!,
      start: zonedInstant(date, "13:00", NY),
      reason: "patient_called",
      actor: w.staff,
      baseUrl: BASE,
    });
    expect(moved.kind).toBe("done");
    const after = (await db.select().from(appointments).where(eq(appointments.id, a.id)))[0]!;
    expect(after).toMatchObject({ practitionerId: w.therapists[3], caseId: a.caseId, startsAt: zonedInstant(date, "13:00", NY), roomId: a.roomId });
    expect((await db.select().from(intakes).where(eq(intakes.appointmentId, a.id)))[0]).toEqual(intakeBefore);
    expect(await roomOverlaps()).toBe(0);
  });

  it("a deactivated room is no longer offered or taken", async () => {
    const db = getDb();
    const date = futureWeekday();
    await bookedRow(w.therapists[0]!, date, "16:00");
    await db.update(rooms).set({ isActive: false }).where(eq(rooms.id, w.roomIds[1]));
    try {
      const booked = await bookedRow(w.therapists[1]!, date, "09:00");
      expect(booked.roomId).toBe(w.roomIds[0]);
      expect((await book(w.therapists[2]!, date, "09:00")).kind).toBe("slot_taken");
    } finally {
      await db.update(rooms).set({ isActive: true }).where(eq(rooms.id, w.roomIds[1]));
    }
  });
});
