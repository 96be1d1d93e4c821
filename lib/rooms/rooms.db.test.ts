import { and, eq, inArray, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, rowsOf } from "@/db/client";
import { pgErrorCode } from "@/db/errors";
import { appointments, auditEvents, intakes, rooms } from "@/db/schema";
import { createAppointment, createLocation, createPatient, createPractitioner, createRoom, createService, createUser, setWorkingHours, uniqueEmail } from "@/db/seed/factories";
import type { CurrentUser } from "@/lib/auth/sessions";
import { getFreeSlots, getPublicFreeSlots } from "@/lib/availability";
import { createAppointmentRequest, type BookingOutcome } from "@/lib/booking/create";
import { cancelAppointment } from "@/lib/booking/manage";
import { staffMoveAppointment } from "@/lib/desk/commands";
import { addDaysIso, formatInZone, isoWeekday, localDate, zonedInstant } from "@/lib/time";
import { NEW_YORK } from "@/db/testing/zones";

/** Issue 12: rooms as resources — the database's rules, booking, the slots API (and its cache), desk moves. */
const NY = NEW_YORK;
const BASE = "http://clinic.test";

// A fresh weekday for each test, well inside the booking horizon, so tests never share a day.
let cursor = addDaysIso(localDate(new Date(), NY), 7);
function futureWeekday(): string {
  do cursor = addDaysIso(cursor, 1);
  while (isoWeekday(cursor) > 5);
  return cursor;
}

type Service = Awaited<ReturnType<typeof createService>>;
let w: {
  location: string;
  otherLocation: string;
  massage: Service;
  plain: Service;
  /** Massage therapists working 09:00–17:00 at `location`, all offering both services. */
  therapists: [string, string, string, string];
  /** The two massage rooms of `location`. */
  roomA: string;
  roomB: string;
  treatmentRoom: string;
  /** A massage room of `otherLocation`. */
  elsewhere: string;
  patient: string;
  staff: CurrentUser;
};

beforeAll(async () => {
  const db = getDb();
  const location = await createLocation(db);
  const other = await createLocation(db, { name: "Backline Other Clinic" });
  const massage = await createService(db, { discipline: "massage_therapist", durationMinutes: 60, minNoticeMinutes: 60, roomKind: "massage" });
  const plain = await createService(db, { discipline: "massage_therapist", durationMinutes: 60, minNoticeMinutes: 60 });
  const therapists: string[] = [];
  for (let i = 0; i < 4; i++) {
    const p = await createPractitioner(db, { discipline: "massage_therapist", serviceIds: [massage.id, plain.id] });
    await setWorkingHours(db, { practitionerId: p.id, locationId: location.id, days: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: "09:00", end: "17:00" })) });
    therapists.push(p.id);
  }
  const staff = await createUser(db, { role: "staff" });
  w = {
    location: location.id,
    otherLocation: other.id,
    massage,
    plain,
    therapists: therapists as typeof w.therapists,
    roomA: (await createRoom(db, { locationId: location.id, kind: "massage", name: "Massage A" })).id,
    roomB: (await createRoom(db, { locationId: location.id, kind: "massage", name: "Massage B" })).id,
    treatmentRoom: (await createRoom(db, { locationId: location.id, kind: "treatment", name: "Treatment 1" })).id,
    elsewhere: (await createRoom(db, { locationId: other.id, kind: "massage", name: "Massage A" })).id,
    patient: (await createPatient(db)).id,
    staff: { ...staff, role: "staff", sessionId: "s", patientId: null, practitionerId: null, discipline: null },
  };
});

const at = (date: string, time: string) => zonedInstant(date, time, NY);

/** The desk books on the phone (signed-in staff: no pending verification), one new patient per call. */
const book = (practitionerId: string, date: string, time: string, service: Service = w.massage): Promise<BookingOutcome> =>
  createAppointmentRequest(
    getDb(),
    {
      service: service.slug,
      practitionerId,
      start: at(date, time).toISOString(),
      patient: { name: "Robin Room", email: uniqueEmail("room"), phone: "+1 212 555 0142", dateOfBirth: "1984-04-04" },
      intake: { painStartedOn: "2026-01-01", painScore: 4, worseWith: "standing", redFlags: [], notes: "" },
    },
    { actor: { id: w.staff.id, role: "staff" }, baseUrl: BASE },
  );

const rowOf = async (id: string) => (await getDb().select().from(appointments).where(eq(appointments.id, id)))[0]!;
async function booked(practitionerId: string, date: string, time: string, service: Service = w.massage) {
  const outcome = await book(practitionerId, date, time, service);
  if (outcome.kind !== "created") throw new Error(`expected a booking, got ${outcome.kind}`);
  return rowOf(outcome.appointment.id);
}

/** An appointment written straight to the table (another therapist's visit, a room given or not). */
const insert = (opts: { practitionerId: string; date: string; time: string; roomId?: string | null; service?: Service; locationId?: string; status?: "confirmed" | "requested" | "cancelled" }) =>
  createAppointment(getDb(), {
    patientId: w.patient,
    practitionerId: opts.practitionerId,
    service: opts.service ?? w.massage,
    locationId: opts.locationId ?? w.location,
    startsAt: at(opts.date, opts.time),
    roomId: opts.roomId,
    status: opts.status,
  });

const sqlstateOf = async (p: Promise<unknown>) => {
  try {
    await p;
    return "no error";
  } catch (err) {
    return pgErrorCode(err);
  }
};

/** Pairs of active appointments holding one room at overlapping times, anywhere in the database. */
async function roomClashes(): Promise<number> {
  const [row] = rowsOf<{ n: number | string }>(
    await getDb().execute(sql`
      select count(*) as n
      from appointments a join appointments b on a.room_id = b.room_id and a.id < b.id
      where a.status in ('requested', 'confirmed', 'completed') and b.status in ('requested', 'confirmed', 'completed')
        and tstzrange(a.blocked_from, a.blocked_until, '[)') && tstzrange(b.blocked_from, b.blocked_until, '[)')`),
  );
  return Number(row!.n);
}

/** Local "HH:mm" starts offered on `date`, per practitioner or "first available". */
async function offered(date: string, practitionerId: string | null, cached: boolean, service: Service = w.massage): Promise<string[]> {
  const input = { serviceSlug: service.slug, practitionerId, from: date, to: date };
  const result = cached ? await getPublicFreeSlots(getDb(), input) : await getFreeSlots(getDb(), input);
  return result.slots.filter((s) => localDate(s.start, NY) === date).map((s) => formatInZone(s.start, NY, "HH:mm"));
}

describe("booking takes a room", () => {
  it("of the service's kind at the practitioner's location, another one when the first is held, none when all are", async () => {
    const date = futureWeekday();
    const [t1, t2, t3] = w.therapists;
    const first = await booked(t1, date, "09:00");
    expect(first.locationId).toBe(w.location);
    expect([w.roomA, w.roomB]).toContain(first.roomId);
    const [room] = await getDb().select().from(rooms).where(eq(rooms.id, first.roomId!));
    expect(room).toMatchObject({ kind: "massage", locationId: w.location });

    const second = await booked(t2, date, "09:00");
    expect([w.roomA, w.roomB]).toContain(second.roomId);
    expect(second.roomId).not.toBe(first.roomId);

    // t3 is free, but both massage rooms are held: the time is taken (not "outside hours").
    expect((await book(t3, date, "09:00")).kind).toBe("slot_taken");
    // Back to back, the first room is free again.
    expect((await booked(t3, date, "10:00")).roomId).toBe(w.roomA);
    expect(await roomClashes()).toBe(0);
  });

  it("at the location the practitioner works at that time, each location drawing on its own rooms", async () => {
    const db = getDb();
    const date = futureWeekday();
    // Another massage service, so the shared fixtures' "first available" answers are not changed by t5.
    const roving = await createService(db, { discipline: "massage_therapist", durationMinutes: 60, minNoticeMinutes: 60, roomKind: "massage" });
    const t5 = await createPractitioner(db, { discipline: "massage_therapist", serviceIds: [roving.id] });
    const days = (start: string, end: string) => [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start, end }));
    await setWorkingHours(db, { practitionerId: t5.id, locationId: w.location, days: days("09:00", "12:00") });
    await setWorkingHours(db, { practitionerId: t5.id, locationId: w.otherLocation, days: days("13:00", "17:00") });

    const morning = await booked(t5.id, date, "10:00", roving);
    expect(morning.locationId).toBe(w.location);
    expect([w.roomA, w.roomB]).toContain(morning.roomId);
    const afternoon = await booked(t5.id, date, "14:00", roving);
    expect(afternoon).toMatchObject({ locationId: w.otherLocation, roomId: w.elsewhere });

    // The other location's only massage room taken at 16:00: t5 is not offered 16:00 there, though the
    // first location's rooms are free then.
    const slots = () => offered(date, t5.id, false, roving);
    expect(await slots()).toContain("16:00");
    await insert({ practitionerId: w.therapists[3], date, time: "16:00", roomId: w.elsewhere, locationId: w.otherLocation });
    expect(await slots()).not.toContain("16:00");
    expect(await slots()).toContain("11:00");
    expect((await book(t5.id, date, "16:00", roving)).kind).toBe("slot_taken");
  });

  it("leaves room_id null for a service that needs no room, and does not count rooms for it", async () => {
    const date = futureWeekday();
    const [t1, t2, t3] = w.therapists;
    await insert({ practitionerId: t1, date, time: "11:00", roomId: w.roomA });
    await insert({ practitionerId: t2, date, time: "11:00", roomId: w.roomB });
    const plain = await booked(t3, date, "11:00", w.plain);
    expect(plain.roomId).toBeNull();
    expect(plain.locationId).toBe(w.location);
  });
});

describe("20 concurrent bookings for the last free room", () => {
  it("creates exactly one; the rest are slot_taken, and no room is double-booked", async () => {
    const date = futureWeekday();
    const [t1, t2, t3, t4] = w.therapists;
    // Room A is held at 14:00 by t4's visit; room B is the last one free. t1–t3 are all free then.
    await insert({ practitionerId: t4, date, time: "14:00", roomId: w.roomA });
    const free = [t1, t2, t3];
    const outcomes = await Promise.all(Array.from({ length: 20 }, (_, i) => book(free[i % free.length]!, date, "14:00")));
    expect(outcomes.filter((o) => o.kind === "created")).toHaveLength(1);
    expect(outcomes.filter((o) => o.kind === "slot_taken")).toHaveLength(19);

    const active = await getDb()
      .select()
      .from(appointments)
      // This file's therapists only: on PostgreSQL every test file shares the run's database.
      .where(and(eq(appointments.startsAt, at(date, "14:00")), inArray(appointments.practitionerId, w.therapists), sql`${appointments.status} in ('requested', 'confirmed', 'completed')`));
    expect(active).toHaveLength(2);
    expect(new Set(active.map((a) => a.roomId))).toEqual(new Set([w.roomA, w.roomB]));
    expect(await roomClashes()).toBe(0);
    // The time is no longer offered to anyone.
    expect(await offered(date, null, false)).not.toContain("14:00");
  });
});

describe("a desk move racing bookings for the last free room", () => {
  it("lets exactly one of them have it; the others are slot_taken and the moved appointment stays put when it loses", async () => {
    const date = futureWeekday();
    const [t1, t2, t3, t4] = w.therapists;
    const a = await booked(t1, date, "09:00");
    // Room A is held at 12:00 by t4 (a bare insert): room B is the last one free then.
    await insert({ practitionerId: t4, date, time: "12:00", roomId: w.roomA });
    const [move, ...bookings] = await Promise.all([
      staffMoveAppointment(getDb(), { appointmentId: a.id, practitionerId: t2, start: at(date, "12:00"), reason: "patient_called", actor: w.staff, baseUrl: BASE }),
      ...Array.from({ length: 6 }, () => book(t3, date, "12:00")),
    ]);
    const winners = [move!.kind === "done", ...bookings.map((o) => o.kind === "created")].filter(Boolean);
    expect(winners).toHaveLength(1);
    expect(bookings.every((o) => o.kind === "created" || o.kind === "slot_taken")).toBe(true);
    if (move!.kind !== "done") {
      expect(move!.kind).toBe("slot_taken");
      expect(await rowOf(a.id)).toEqual(a);
    } else {
      expect(await rowOf(a.id)).toMatchObject({ practitionerId: t2, roomId: w.roomB, startsAt: at(date, "12:00") });
    }
    expect(await roomClashes()).toBe(0);
  });
});

describe("the database", () => {
  it("refuses two active appointments in one room at overlapping times (23P01), allows back to back and another room", async () => {
    const date = futureWeekday();
    const [t1, t2, t3, t4] = w.therapists;
    await insert({ practitionerId: t1, date, time: "10:00", roomId: w.roomA });
    expect(await sqlstateOf(insert({ practitionerId: t2, date, time: "10:30", roomId: w.roomA }))).toBe("23P01");
    expect(await sqlstateOf(insert({ practitionerId: t2, date, time: "10:00", roomId: w.roomA, status: "requested" }))).toBe("23P01");
    expect(await sqlstateOf(insert({ practitionerId: t2, date, time: "09:30", roomId: w.roomA }))).toBe("23P01");
    await expect(insert({ practitionerId: t2, date, time: "10:30", roomId: w.roomB })).resolves.toMatchObject({ roomId: w.roomB });
    await expect(insert({ practitionerId: t3, date, time: "11:00", roomId: w.roomA })).resolves.toMatchObject({ roomId: w.roomA });
    await expect(insert({ practitionerId: t4, date, time: "09:00", roomId: w.roomA })).resolves.toMatchObject({ roomId: w.roomA });
    // Moving a row into a held room is refused as well.
    const later = await insert({ practitionerId: t4, date, time: "10:00", roomId: null, service: w.plain });
    expect(await sqlstateOf(getDb().update(appointments).set({ serviceId: w.massage.id, roomId: w.roomA }).where(eq(appointments.id, later.id)))).toBe("23P01");
  });

  it("refuses a room of the wrong kind (23514) and a room of another location (23503)", async () => {
    const date = futureWeekday();
    const [t1] = w.therapists;
    expect(await sqlstateOf(insert({ practitionerId: t1, date, time: "09:00", roomId: w.treatmentRoom }))).toBe("23514");
    // A service that needs no room cannot hold one either.
    expect(await sqlstateOf(insert({ practitionerId: t1, date, time: "09:00", roomId: w.roomA, service: w.plain }))).toBe("23514");
    // The right kind, at the wrong location.
    expect(await sqlstateOf(insert({ practitionerId: t1, date, time: "09:00", roomId: w.elsewhere }))).toBe("23503");
    await expect(insert({ practitionerId: t1, date, time: "09:00", roomId: w.elsewhere, locationId: w.otherLocation })).resolves.toMatchObject({ roomId: w.elsewhere });
  });

  it("lets a cancelled appointment free its room", async () => {
    const date = futureWeekday();
    const [t1, t2, t3] = w.therapists;
    const held = await insert({ practitionerId: t1, date, time: "13:00", roomId: w.roomA });
    // A cancelled row never holds the room, even when written over an active one.
    await expect(insert({ practitionerId: t3, date, time: "13:00", roomId: w.roomA, status: "cancelled" })).resolves.toMatchObject({ status: "cancelled" });
    expect(await sqlstateOf(insert({ practitionerId: t2, date, time: "13:00", roomId: w.roomA }))).toBe("23P01");
    await getDb().update(appointments).set({ status: "cancelled", cancelledBy: "clinic" }).where(eq(appointments.id, held.id));
    await expect(insert({ practitionerId: t2, date, time: "13:00", roomId: w.roomA })).resolves.toMatchObject({ roomId: w.roomA });
  });
});

describe("the slots API", () => {
  it("stops offering a time once another practitioner takes the last room, through the cache too, and offers it again after a cancellation", async () => {
    const date = futureWeekday();
    const [t1, t2, t3] = w.therapists;
    // Remembered answers first, so the cache holds entries the room changes must invalidate.
    for (const cached of [true, false]) {
      expect(await offered(date, t1, cached)).toContain("15:00");
      expect(await offered(date, null, cached)).toContain("15:00");
    }

    // One room taken by t2: t1 still has the other.
    const a = await booked(t2, date, "15:00");
    for (const cached of [true, false]) expect(await offered(date, t1, cached)).toContain("15:00");

    // The last room taken by t3 (a bare insert: the statement alone must move t1's calendar version):
    // t1 is free but offered nothing there, nor is anyone.
    const b = await insert({ practitionerId: t3, date, time: "15:00", roomId: a.roomId === w.roomA ? w.roomB : w.roomA });
    expect(new Set([a.roomId, b.roomId])).toEqual(new Set([w.roomA, w.roomB]));
    for (const cached of [true, false]) {
      const mine = await offered(date, t1, cached);
      expect(mine).not.toContain("15:00");
      expect(mine).not.toContain("14:30");
      expect(mine).toContain("16:00");
      expect(await offered(date, null, cached)).not.toContain("15:00");
    }
    // Taken, not outside hours: the booking path says slot_taken.
    expect((await book(t1, date, "15:00")).kind).toBe("slot_taken");

    // A cancellation frees the room and the time comes back, through the cache as well.
    expect((await cancelAppointment(getDb(), { appointmentId: a.id, reason: "", enforceCutoff: false, actor: null, baseUrl: BASE })).kind).toBe("done");
    for (const cached of [true, false]) {
      expect(await offered(date, t1, cached)).toContain("15:00");
      expect(await offered(date, null, cached)).toContain("15:00");
    }
  });
  it("follows rooms closed and opened, through the cache too", async () => {
    const date = futureWeekday();
    const [t1, t2] = w.therapists;
    await insert({ practitionerId: t2, date, time: "11:00", roomId: w.roomA });
    for (const cached of [true, false]) expect(await offered(date, t1, cached)).toContain("11:00");
    // Room B closed: the one left is held at 11:00.
    await getDb().update(rooms).set({ isActive: false }).where(eq(rooms.id, w.roomB));
    try {
      for (const cached of [true, false]) {
        expect(await offered(date, t1, cached)).not.toContain("11:00");
        expect(await offered(date, t1, cached)).toContain("12:00");
      }
      // A new massage room opens: 11:00 is offered again, and booking it takes the new room.
      const extra = await createRoom(getDb(), { locationId: w.location, kind: "massage", name: `Massage ${date}` });
      for (const cached of [true, false]) expect(await offered(date, t1, cached)).toContain("11:00");
      expect((await booked(t1, date, "11:00")).roomId).toBe(extra.id);
      await getDb().update(rooms).set({ isActive: false }).where(eq(rooms.id, extra.id));
    } finally {
      await getDb().update(rooms).set({ isActive: true }).where(eq(rooms.id, w.roomB));
    }
  });
});

describe("a desk move", () => {
  it("to another practitioner keeps the intake and the case and takes the free room at the new time", async () => {
    const date = futureWeekday();
    const [t1, t2, t3] = w.therapists;
    const a = await booked(t1, date, "09:00");
    expect(a.caseId).toBeTruthy();
    const [intakeBefore] = await getDb().select().from(intakes).where(eq(intakes.appointmentId, a.id));
    // At 15:00 room A is held by t3: room B is the one left.
    await insert({ practitionerId: t3, date, time: "15:00", roomId: w.roomA });

    const start = at(date, "15:00");
    const outcome = await staffMoveAppointment(getDb(), { appointmentId: a.id, practitionerId: t2, start, reason: "practitioner_ill", actor: w.staff, baseUrl: BASE });
    expect(outcome.kind).toBe("done");
    const moved = await rowOf(a.id);
    expect(moved).toMatchObject({ practitionerId: t2, caseId: a.caseId, patientId: a.patientId, status: "confirmed", locationId: w.location, roomId: w.roomB });
    expect(moved.startsAt.toISOString()).toBe(start.toISOString());
    const intakesNow = await getDb().select().from(intakes).where(eq(intakes.appointmentId, a.id));
    expect(intakesNow).toEqual([intakeBefore]);
    expect(await roomClashes()).toBe(0);
  });

  it("keeps its own room when still free, and may overlap its own old time in it", async () => {
    const date = futureWeekday();
    const [t1, t2] = w.therapists;
    const a = await booked(t1, date, "09:00");
    const own = a.roomId!;
    const otherRoom = own === w.roomA ? w.roomB : w.roomA;
    // The other room is held from 09:30: only the appointment's own room is free at 09:30.
    await insert({ practitionerId: t2, date, time: "09:30", roomId: otherRoom });
    const outcome = await staffMoveAppointment(getDb(), { appointmentId: a.id, practitionerId: t1, start: at(date, "09:30"), reason: "patient_called", actor: w.staff, baseUrl: BASE });
    expect(outcome.kind).toBe("done");
    expect(await rowOf(a.id)).toMatchObject({ roomId: own, startsAt: at(date, "09:30") });
  });

  it("to a time when no room is free is refused as slot_taken and changes nothing", async () => {
    const date = futureWeekday();
    const [t1, t2, t3, t4] = w.therapists;
    const a = await booked(t1, date, "09:00");
    const [intakeBefore] = await getDb().select().from(intakes).where(eq(intakes.appointmentId, a.id));
    await insert({ practitionerId: t3, date, time: "16:00", roomId: w.roomA });
    await insert({ practitionerId: t4, date, time: "16:00", roomId: w.roomB });
    const moves = async () =>
      (
        await getDb()
          .select()
          .from(auditEvents)
          .where(and(eq(auditEvents.entityId, a.id), eq(auditEvents.action, "appointment.rescheduled")))
      ).length;

    // t2 is free at 16:00; the rooms are not.
    const outcome = await staffMoveAppointment(getDb(), { appointmentId: a.id, practitionerId: t2, start: at(date, "16:00"), reason: "patient_called", actor: w.staff, baseUrl: BASE });
    // The desk is told it is the rooms, not the practitioner.
    expect(outcome).toMatchObject({ kind: "slot_taken", because: "room" });
    expect(await rowOf(a.id)).toEqual(a);
    expect(await getDb().select().from(intakes).where(eq(intakes.appointmentId, a.id))).toEqual([intakeBefore]);
    expect(await moves()).toBe(0);
  });
});
