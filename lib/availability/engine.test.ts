import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatInZone, zonedInstant } from "@/lib/time";
import {
  findFirstAvailableSlots,
  findFreeSlots,
  findPractitionerSlots,
  firstAvailable,
  mergeIntervals,
  nearestSlots,
  type Interval,
  type PractitionerCalendar,
  type RoomPools,
  type SlotQuery,
  type WorkingHoursRule,
} from "./engine";
import { NEW_YORK } from "@/db/testing/zones";

const NY = NEW_YORK;
const weekdays = (start: string, end: string, breaks: WorkingHoursRule["breaks"] = [], days = [1, 2, 3, 4, 5]): WorkingHoursRule[] =>
  days.map((weekday) => ({ weekday, startTime: start, endTime: end, breaks, effectiveFrom: "2020-01-01", effectiveUntil: null, timeZone: NY }));
const calendar = (over: Partial<PractitionerCalendar> = {}): PractitionerCalendar => ({ practitionerId: "p1", hours: weekdays("09:00", "17:00"), timeOff: [], busy: [], ...over });
const query = (over: Partial<SlotQuery> = {}): SlotQuery => ({
  service: { durationMinutes: 60, bufferBeforeMinutes: 0, bufferAfterMinutes: 0, minNoticeMinutes: 0 },
  from: "2026-01-12",
  to: "2026-01-12",
  timeZone: NY,
  now: new Date("2026-01-01T00:00:00Z"),
  horizonDays: 365,
  stepMinutes: 30,
  ...over,
});
const local = (d: Date) => formatInZone(d, NY, "yyyy-MM-dd HH:mm");
const at = (date: string, time: string) => zonedInstant(date, time, NY).getTime();

describe("findPractitionerSlots", () => {
  it("steps through the working day in the location's zone", () => {
    const slots = findPractitionerSlots(query(), calendar());
    expect(slots.map((s) => local(s.start)).slice(0, 3)).toEqual(["2026-01-12 09:00", "2026-01-12 09:30", "2026-01-12 10:00"]);
    expect(local(slots.at(-1)!.start)).toBe("2026-01-12 16:00");
    expect(slots).toHaveLength(15);
  });

  it("leaves out breaks, time off and busy time with buffers", () => {
    const slots = findPractitionerSlots(
      query({ service: { durationMinutes: 60, bufferBeforeMinutes: 0, bufferAfterMinutes: 15, minNoticeMinutes: 0 } }),
      calendar({
        hours: weekdays("09:00", "17:00", [{ start: "12:00", end: "13:00" }]),
        timeOff: [{ start: at("2026-01-12", "15:00"), end: at("2026-01-12", "17:00") }],
        busy: [{ start: at("2026-01-12", "10:00"), end: at("2026-01-12", "11:15") }],
      }),
    );
    // 09:00 would run into 10:00 with its 15 min turnover; 11:30 is the first start after the busy range.
    // 09:00–11:00 run into the 10:00–11:15 booking (with 15 min turnover), 11:30–12:30 into lunch,
    // 14:30 and later into the time off.
    expect(slots.map((s) => local(s.start).slice(11))).toEqual(["13:00", "13:30", "14:00"]);
  });

  it("respects minimum notice and the horizon", () => {
    const now = new Date(at("2026-01-12", "10:10"));
    const slots = findPractitionerSlots(
      query({ now, service: { durationMinutes: 30, bufferBeforeMinutes: 0, bufferAfterMinutes: 0, minNoticeMinutes: 120 }, to: "2026-01-14", horizonDays: 1 }),
      calendar(),
    );
    expect(local(slots[0]!.start)).toBe("2026-01-12 12:30");
    expect(slots.every((s) => s.start.getTime() <= now.getTime() + 86_400_000)).toBe(true);
    expect(slots.some((s) => local(s.start).startsWith("2026-01-14"))).toBe(false);
  });

  it("keeps 09:00–17:00 local on both sides of the spring change", () => {
    const slots = findPractitionerSlots(query({ from: "2026-03-06", to: "2026-03-09", stepMinutes: 60 }), calendar({ hours: weekdays("09:00", "17:00", [], [1, 2, 3, 4, 5, 6, 7]) }));
    for (const date of ["2026-03-06", "2026-03-07", "2026-03-08", "2026-03-09"]) {
      const day = slots.filter((s) => local(s.start).startsWith(date)).map((s) => local(s.start).slice(11));
      expect(day, date).toEqual(["09:00", "10:00", "11:00", "12:00", "13:00", "14:00", "15:00", "16:00"]);
    }
  });

  it("offers nothing in the skipped hour and each repeated hour's time once", () => {
    const spring = findPractitionerSlots(
      query({ from: "2026-03-08", to: "2026-03-08", stepMinutes: 30, service: { durationMinutes: 30, bufferBeforeMinutes: 0, bufferAfterMinutes: 0, minNoticeMinutes: 0 } }),
      calendar({ hours: weekdays("00:00", "05:00", [], [7]) }),
    );
    expect(spring.map((s) => local(s.start).slice(11))).toEqual(["00:00", "00:30", "01:00", "01:30", "03:00", "03:30", "04:00", "04:30"]);

    const fall = findPractitionerSlots(
      query({ from: "2026-11-01", to: "2026-11-01", stepMinutes: 60, service: { durationMinutes: 60, bufferBeforeMinutes: 0, bufferAfterMinutes: 0, minNoticeMinutes: 0 } }),
      calendar({ hours: weekdays("00:00", "04:00", [], [7]) }),
    );
    const labels = fall.map((s) => local(s.start).slice(11));
    expect(new Set(labels).size).toBe(labels.length);
    for (let i = 1; i < fall.length; i++) expect(fall[i]!.start.getTime()).toBeGreaterThanOrEqual(fall[i - 1]!.end.getTime());
  });

  it("honours effective dates", () => {
    const hours: WorkingHoursRule[] = [
      { weekday: 1, startTime: "09:00", endTime: "10:00", breaks: [], effectiveFrom: "2026-01-01", effectiveUntil: "2026-01-12", timeZone: NY },
      { weekday: 1, startTime: "14:00", endTime: "15:00", breaks: [], effectiveFrom: "2026-01-13", effectiveUntil: null, timeZone: NY },
    ];
    const slots = findPractitionerSlots(query({ from: "2026-01-12", to: "2026-01-19" }), calendar({ hours }));
    expect(slots.map((s) => local(s.start))).toEqual(["2026-01-12 09:00", "2026-01-19 14:00"]);
  });
});

describe("first available and alternatives", () => {
  const q = query({ stepMinutes: 60 });
  const a = calendar({ practitionerId: "a", busy: [{ start: at("2026-01-12", "09:00"), end: at("2026-01-12", "10:00") }] });
  const b = calendar({ practitionerId: "b" });

  it("computes first available directly with the same answer", () => {
    const c = calendar({ practitionerId: "c", busy: [{ start: at("2026-01-12", "11:00"), end: at("2026-01-12", "12:00") }] });
    expect(findFirstAvailableSlots(q, [a, b, c])).toEqual(firstAvailable(findFreeSlots(q, [a, b, c]), [a, b, c]));
  });

  it("gives one slot per time, from the less booked practitioner", () => {
    const slots = firstAvailable(findFreeSlots(q, [a, b]), [a, b]);
    expect(slots.map((s) => [local(s.start).slice(11), s.practitionerId]).slice(0, 2)).toEqual([
      ["09:00", "b"],
      ["10:00", "b"],
    ]);
    expect(new Set(slots.map((s) => s.start.getTime())).size).toBe(slots.length);
  });

  it("picks the nearest free times around a taken one", () => {
    const slots = findPractitionerSlots(q, a);
    expect(nearestSlots(slots, new Date(at("2026-01-12", "09:00")), 3).map((s) => local(s.start).slice(11))).toEqual(["10:00", "11:00", "12:00"]);
  });
});

describe("rooms", () => {
  // A massage needing a massage room; p1 and p2 both work 09:00–17:00 at location L1 (pools are per location).
  const L1 = "loc-1";
  const L2 = "loc-2";
  const atLocation = (hours: WorkingHoursRule[], locationId: string) => hours.map((h) => ({ ...h, locationId }));
  const massage = (over: Partial<SlotQuery["service"]> = {}): SlotQuery["service"] => ({
    durationMinutes: 60,
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 0,
    minNoticeMinutes: 0,
    roomKind: "massage",
    ...over,
  });
  const span = (from: string, to: string, date = "2026-01-12"): Interval => ({ start: at(date, from), end: at(date, to) });
  const pools = (entries: Array<[string, Interval[][]]>): RoomPools => new Map(entries);
  // p1 holds the 10:00–11:00 visit (in their own calendar and, below, in a room); p2 is free all day.
  const p1 = calendar({ practitionerId: "p1", hours: atLocation(weekdays("09:00", "17:00"), L1), busy: [span("10:00", "11:00")] });
  const p2 = calendar({ practitionerId: "p2", hours: atLocation(weekdays("09:00", "17:00"), L1) });
  const startsOf = (slots: Array<{ start: Date }>) => slots.map((s) => local(s.start).slice(11));

  it("does not offer another practitioner a time when the only room is taken", () => {
    const q = query({ service: massage(), rooms: pools([[L1, [[span("10:00", "11:00")]]]]) });
    const free = startsOf(findPractitionerSlots(q, p2));
    // p2 is free, but every visit overlapping 10:00–11:00 would need the one room.
    expect(free).not.toContain("09:30");
    expect(free).not.toContain("10:00");
    expect(free).not.toContain("10:30");
    expect(free).toContain("09:00");
    expect(free).toContain("11:00");
    // The same calendars without a room rule: p2 is offered 10:00.
    expect(startsOf(findPractitionerSlots(query({ service: massage({ roomKind: null }) }), p2))).toContain("10:00");
    // "First available" agrees: nobody at 10:00.
    const first = findFirstAvailableSlots(q, [p1, p2]);
    expect(startsOf(first)).not.toContain("10:00");
    expect(first).toEqual(firstAvailable(findFreeSlots(q, [p1, p2]), [p1, p2]));
  });

  it("offers the time when a second room of the kind is free", () => {
    const q = query({ service: massage(), rooms: pools([[L1, [[span("10:00", "11:00")], []]]]) });
    expect(startsOf(findPractitionerSlots(q, p2))).toEqual(startsOf(findPractitionerSlots(query({ service: massage({ roomKind: null }) }), p2)));
    expect(startsOf(findPractitionerSlots(q, p2))).toContain("10:00");
    // p1 still has their own visit then.
    expect(startsOf(findPractitionerSlots(q, p1))).not.toContain("10:00");
    const first = findFirstAvailableSlots(q, [p1, p2]);
    expect(first.find((s) => local(s.start).endsWith("10:00"))?.practitionerId).toBe("p2");
  });

  it("widens the room's busy range by the service's buffers", () => {
    // The room's appointment blocks 10:00–11:15 (a 15-minute turnover already in its blocked range).
    const rooms = pools([[L1, [[span("10:00", "11:15")]]]]);
    const plain = startsOf(findPractitionerSlots(query({ stepMinutes: 15, service: massage(), rooms }), p2));
    expect(plain).toContain("09:00"); // ends 10:00, back to back
    expect(plain).toContain("11:15");
    expect(plain).not.toContain("11:00");
    const after = startsOf(findPractitionerSlots(query({ stepMinutes: 15, service: massage({ bufferAfterMinutes: 15 }), rooms }), p2));
    expect(after).not.toContain("09:00"); // its own turnover would run into 10:00
    expect(after.filter((t) => t < "11:15")).toEqual([]);
    expect(after).toContain("11:15");
    const before = startsOf(findPractitionerSlots(query({ stepMinutes: 15, service: massage({ bufferBeforeMinutes: 15 }), rooms }), p2));
    expect(before).toContain("09:00");
    expect(before).not.toContain("11:15"); // its set-up would start at 11:00, inside the room's range
    expect(before).toContain("11:30");
  });

  it("offers nothing at a location with no room of the kind", () => {
    expect(findPractitionerSlots(query({ service: massage(), rooms: pools([]) }), p2)).toEqual([]);
    expect(findPractitionerSlots(query({ service: massage() }), p2)).toEqual([]);
    expect(findPractitionerSlots(query({ service: massage(), rooms: pools([[L2, [[]]]]) }), p2)).toEqual([]);
    expect(findPractitionerSlots(query({ service: massage(), rooms: pools([[L1, []]]) }), p2)).toEqual([]);
    expect(findFirstAvailableSlots(query({ service: massage(), rooms: pools([[L2, [[]]]]) }), [p1, p2])).toEqual([]);
  });

  it("draws on each location's own pool when the hours are at two locations", () => {
    // Mornings at L1, afternoons at L2.
    const both = calendar({ practitionerId: "p3", hours: [...atLocation(weekdays("09:00", "12:00"), L1), ...atLocation(weekdays("13:00", "17:00"), L2)] });
    const q = (rooms: RoomPools) => query({ stepMinutes: 60, service: massage(), rooms });
    // L1's room is taken 10:00–11:00, L2's 14:00–15:00: each blocks only its own half of the day.
    expect(
      startsOf(
        findPractitionerSlots(
          q(
            pools([
              [L1, [[span("10:00", "11:00")]]],
              [L2, [[span("14:00", "15:00")]]],
            ]),
          ),
          both,
        ),
      ),
    ).toEqual(["09:00", "11:00", "13:00", "15:00", "16:00"]);
    // The same busy ranges in the other location's pool block nothing: neither is worked then.
    expect(
      startsOf(
        findPractitionerSlots(
          q(
            pools([
              [L1, [[span("14:00", "15:00")]]],
              [L2, [[span("10:00", "11:00")]]],
            ]),
          ),
          both,
        ),
      ),
    ).toEqual(["09:00", "10:00", "11:00", "13:00", "14:00", "15:00", "16:00"]);
    // No pool at L2: the afternoon offers nothing, the morning is unaffected.
    expect(startsOf(findPractitionerSlots(q(pools([[L1, [[]]]])), both))).toEqual(["09:00", "10:00", "11:00"]);
  });
});

describe("properties", () => {
  // Random schedules around both New York DST changes of 2026 and an ordinary week.
  const dates = fc.constantFrom("2026-03-07", "2026-03-08", "2026-10-31", "2026-11-01", "2026-06-10");
  const minute = (max: number) => fc.integer({ min: 0, max }).map((m) => m * 5);
  const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
  const window = fc
    .tuple(minute(280), fc.integer({ min: 6, max: 100 }))
    .map(([s, len]) => ({ start: s, end: Math.min(s + len * 5, 23 * 60 + 55) }))
    .filter((w) => w.end > w.start);
  const scenario = fc.record({
    date: dates,
    window,
    breakAt: fc.option(fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 1, max: 12 })), { nil: undefined }),
    duration: fc.constantFrom(15, 30, 45, 60, 90),
    bufferBefore: fc.constantFrom(0, 5, 10),
    bufferAfter: fc.constantFrom(0, 10, 15),
    step: fc.constantFrom(5, 15, 30, 60),
    busy: fc.array(fc.tuple(fc.integer({ min: 0, max: 28 * 60 }), fc.integer({ min: 15, max: 120 })), { maxLength: 6 }),
    timeOff: fc.array(fc.tuple(fc.integer({ min: 0, max: 28 * 60 }), fc.integer({ min: 15, max: 240 })), { maxLength: 2 }),
  });

  it("never offers a slot over an appointment, time off or break, nor outside working hours", () => {
    fc.assert(
      fc.property(scenario, (sc) => {
        const breaks = sc.breakAt
          ? [{ start: hhmm(Math.min(sc.window.start + sc.breakAt[0] * 5, 23 * 60 + 50)), end: hhmm(Math.min(sc.window.start + sc.breakAt[0] * 5 + sc.breakAt[1] * 5, 23 * 60 + 55)) }].filter(
              (b) => b.start < b.end,
            )
          : [];
        const hours: WorkingHoursRule[] = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
          weekday,
          startTime: hhmm(sc.window.start),
          endTime: hhmm(sc.window.end),
          breaks,
          effectiveFrom: "2026-01-01",
          effectiveUntil: null,
          timeZone: NY,
        }));
        const dayStart = zonedInstant(sc.date, "00:00", NY).getTime() - 2 * 3_600_000;
        const busy = sc.busy.map(([o, len]) => ({ start: dayStart + o * 60_000, end: dayStart + (o + len) * 60_000 }));
        const timeOff = sc.timeOff.map(([o, len]) => ({ start: dayStart + o * 60_000, end: dayStart + (o + len) * 60_000 }));
        const service = { durationMinutes: sc.duration, bufferBeforeMinutes: sc.bufferBefore, bufferAfterMinutes: sc.bufferAfter, minNoticeMinutes: 0 };
        const slots = findPractitionerSlots(query({ from: sc.date, to: sc.date, stepMinutes: sc.step, service }), { practitionerId: "p", hours, busy, timeOff });

        const starts = new Set<number>();
        for (const slot of slots) {
          const s = slot.start.getTime();
          const e = slot.end.getTime();
          expect(e - s).toBe(sc.duration * 60_000);
          expect(starts.has(s)).toBe(false);
          starts.add(s);
          for (const b of busy) expect(s - sc.bufferBefore * 60_000 < b.end && b.start < e + sc.bufferAfter * 60_000).toBe(false);
          for (const t of timeOff) expect(s < t.end && t.start < e).toBe(false);
          // Inside working hours, read on the wall clock of that day.
          const startLocal = local(slot.start);
          expect(startLocal.slice(0, 10)).toBe(sc.date);
          expect(startLocal.slice(11) >= hhmm(sc.window.start)).toBe(true);
          expect(local(slot.end).slice(0, 10)).toBe(sc.date);
          // The end instant is no later than the window's end (when the end falls in a skipped hour, its
          // wall-clock label jumps past it, so compare instants).
          expect(e <= zonedInstant(sc.date, hhmm(sc.window.end), NY).getTime()).toBe(true);
          for (const b of breaks) {
            const bs = zonedInstant(sc.date, b.start, NY).getTime();
            const be = zonedInstant(sc.date, b.end, NY).getTime();
            // A break lying wholly in the skipped hour lasts no time at all and blocks nothing.
            if (be > bs) expect(s < be && bs < e).toBe(false);
          }
          // No slot starts in a skipped hour: its wall-clock time maps back to itself.
          expect(zonedInstant(sc.date, startLocal.slice(11), NY).getTime()).toBe(s);
        }
        // With steps as long as the visit, one practitioner's slots never overlap each other.
        if (sc.step >= sc.duration) {
          const sorted = [...slots].sort((x, y) => x.start.getTime() - y.start.getTime());
          for (let i = 1; i < sorted.length; i++) expect(sorted[i]!.start.getTime()).toBeGreaterThanOrEqual(sorted[i - 1]!.end.getTime());
        }
      }),
      { numRuns: 1000 },
    );
  });

  it("mergeIntervals keeps every covered point and nothing else", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 20 }))), fc.integer({ min: 0, max: 120 }), (raw, point) => {
        const intervals = raw.map(([s, l]) => ({ start: s, end: s + l }));
        const merged = mergeIntervals(intervals);
        const covered = intervals.some((i) => i.start <= point && point < i.end);
        expect(merged.some((i) => i.start <= point && point < i.end)).toBe(covered);
        for (let i = 1; i < merged.length; i++) expect(merged[i]!.start).toBeGreaterThan(merged[i - 1]!.end);
      }),
    );
  });
});

describe("room pools", () => {
  const massage = { durationMinutes: 60, bufferBeforeMinutes: 0, bufferAfterMinutes: 15, minNoticeMinutes: 0, roomKind: "massage" };
  const hoursAt = (locationId: string, days = [1, 2, 3, 4, 5]) => weekdays("09:00", "17:00", [], days).map((h) => ({ ...h, locationId }));
  const ten = at("2026-01-12", "10:00");
  const starts = (slots: Array<{ start: Date }>) => slots.map((s) => s.start.getTime());
  const room = (from: string, to: string) => [{ start: at("2026-01-12", from), end: at("2026-01-12", to) }];

  it("offers a time only when a room of the kind is free too, buffers widening the room's busy time", () => {
    const taken = new Map([["ny", [room("10:00", "11:15")]]]);
    const slots = findPractitionerSlots(query({ service: massage, rooms: taken }), calendar({ hours: hoursAt("ny") }));
    expect(starts(slots)).not.toContain(ten);
    // 9:00–10:00 would leave no 15 minutes' turnover before the room's 10:00 visit.
    expect(starts(slots)).not.toContain(at("2026-01-12", "09:00"));
    expect(starts(slots)).toContain(at("2026-01-12", "11:30"));
    const twoRooms = new Map([["ny", [room("10:00", "11:15"), []]]]);
    expect(starts(findPractitionerSlots(query({ service: massage, rooms: twoRooms }), calendar({ hours: hoursAt("ny") })))).toContain(ten);
  });

  it("offers nothing at a location with no room of the kind, and draws on each location's own rooms", () => {
    expect(findPractitionerSlots(query({ service: massage, rooms: new Map() }), calendar({ hours: hoursAt("ny") }))).toEqual([]);
    // Monday in New York (its room busy at 10:00), Tuesday in Denver's pool (free).
    const twoPlaces = calendar({ hours: [...hoursAt("ny", [1]), ...hoursAt("den", [2])] });
    const pools = new Map([
      ["ny", [room("10:00", "11:00")]],
      ["den", [[]]],
    ]);
    const slots = starts(findPractitionerSlots(query({ service: massage, to: "2026-01-13", rooms: pools }), twoPlaces));
    expect(slots).not.toContain(ten);
    expect(slots).toContain(at("2026-01-13", "10:00"));
  });

  it("a service needing no room ignores the rooms", () => {
    const taken = new Map([["ny", [room("09:00", "17:00")]]]);
    expect(starts(findPractitionerSlots(query({ rooms: taken }), calendar({ hours: hoursAt("ny") })))).toContain(ten);
  });
});
