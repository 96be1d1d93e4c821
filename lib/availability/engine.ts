import { tzOffset } from "@date-fns/tz";
import { addDaysIso, existingZonedInstant, isoWeekday, zonedInstant } from "@/lib/time";

/**
 * The availability engine: pure functions, no database. Given a practitioner's weekly working hours
 * (wall-clock times in the location's IANA zone, with breaks and effective dates), time off and the
 * blocked ranges of their active appointments, it lists the times a service can start.
 *
 * A slot [start, end) is offered when:
 *  - the visit lies inside one working-hours window of that local day and outside its breaks;
 *  - it overlaps no time off;
 *  - with the service's buffers added, [start - before, end + after) overlaps no active appointment's
 *    blocked range — exactly what the database's exclusion constraint checks;
 *  - it starts no earlier than now + minimum notice and no later than now + the booking horizon;
 *  - when the service needs a room of a kind, some room of that kind at the hours' location is free over
 *    the same buffered range (the rooms' exclusion constraint); booking then takes one of them.
 * Candidate starts step through wall-clock time from the window's start, so 09:00–17:00 stays
 * 09:00–17:00 on both sides of a DST change, a skipped hour offers nothing, and a repeated hour offers
 * each wall-clock time once.
 */

export interface WorkingHoursRule {
  weekday: number; // ISO: 1 = Monday ... 7 = Sunday
  startTime: string; // "HH:mm" or "HH:mm:ss"
  endTime: string;
  breaks: ReadonlyArray<{ start: string; end: string }>;
  effectiveFrom: string; // "YYYY-MM-DD", inclusive
  effectiveUntil: string | null; // inclusive; null = open-ended
  timeZone: string;
  /** Where these hours are worked: the room pool a slot in them draws on. */
  locationId?: string;
}

/** Half-open [start, end) in epoch milliseconds. */
export interface Interval {
  start: number;
  end: number;
}

export interface PractitionerCalendar {
  practitionerId: string;
  hours: readonly WorkingHoursRule[];
  timeOff: readonly Interval[];
  /** Blocked ranges (buffers included) of the practitioner's active appointments. */
  busy: readonly Interval[];
}

export interface ServiceRules {
  durationMinutes: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  minNoticeMinutes: number;
  /** A room of this kind must be free too (null/absent: no room needed). */
  roomKind?: string | null;
}

/** Per location: each room (of the service's kind) with the blocked ranges of its active appointments. */
export type RoomPools = ReadonlyMap<string, ReadonlyArray<readonly Interval[]>>;

export interface SlotQuery {
  service: ServiceRules;
  /** Local calendar days, inclusive, in `timeZone`. */
  from: string;
  to: string;
  timeZone: string;
  now: Date;
  horizonDays: number;
  stepMinutes: number;
  /** The rooms of the service's kind (required when it needs one: no rooms, no slots). */
  rooms?: RoomPools;
}

export interface Slot {
  practitionerId: string;
  start: Date;
  end: Date;
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const pad = (n: number) => String(n).padStart(2, "0");
const hhmmOf = (minutes: number) => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;

/**
 * Wall-clock minute → instant for one local day. `exact` is null for a time skipped by a DST change
 * (no slot may start there); `resolved` reads such a time with the offset before the gap, as RFC 5545
 * does, for the boundaries of working hours and breaks. Days without an offset change (almost all) use
 * arithmetic; DST days ask the zone database.
 */
function dayClock(date: string, timeZone: string): { exact: (minute: number) => number | null; resolved: (minute: number) => number } {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const utcMidnight = Date.UTC(y, m - 1, d);
  const offsetStart = tzOffset(timeZone, new Date(utcMidnight - 14 * 60 * MINUTE));
  const offsetEnd = tzOffset(timeZone, new Date(utcMidnight + DAY + 14 * 60 * MINUTE));
  if (offsetStart === offsetEnd) {
    const at = (minute: number) => utcMidnight + (minute - offsetStart) * MINUTE;
    return { exact: at, resolved: at };
  }
  return {
    exact: (minute) => existingZonedInstant(date, hhmmOf(minute), timeZone)?.getTime() ?? null,
    resolved: (minute) => zonedInstant(date, hhmmOf(minute), timeZone).getTime(),
  };
}

/** Sorts and merges intervals; touching intervals stay separate-free (half-open). */
export function mergeIntervals(intervals: Iterable<Interval>): Interval[] {
  const sorted = [...intervals].filter((i) => i.end > i.start).sort((a, b) => a.start - b.start);
  const merged: Interval[] = [];
  for (const i of sorted) {
    const last = merged[merged.length - 1];
    if (last && i.start <= last.end) last.end = Math.max(last.end, i.end);
    else merged.push({ start: i.start, end: i.end });
  }
  return merged;
}

/** True when [start, end) overlaps any of the merged, sorted intervals. */
function overlapsAny(merged: readonly Interval[], start: number, end: number): boolean {
  let lo = 0;
  let hi = merged.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (merged[mid]!.end <= start) lo = mid + 1;
    else hi = mid;
  }
  return lo < merged.length && merged[lo]!.start < end;
}

function rulesOn(hours: readonly WorkingHoursRule[], date: string, weekday: number): WorkingHoursRule[] {
  return hours
    .filter((r) => r.weekday === weekday && r.effectiveFrom <= date && (r.effectiveUntil === null || r.effectiveUntil >= date))
    .sort((a, b) => minutesOf(a.startTime) - minutesOf(b.startTime));
}

interface Day {
  date: string;
  weekday: number;
  clocks: Map<string, ReturnType<typeof dayClock>>;
}

/** What every practitioner of one query shares: its local days and, for a service needing a room, the room pools. */
interface Shared {
  days: Day[];
  /** Per location, each room's busy time widened by the service's buffers; null when no room is needed. */
  pools: Map<string, Interval[][]> | null;
}

/** The local days of a query, computed once and shared by every practitioner. */
function sharedOf(query: SlotQuery): Shared {
  const days: Day[] = [];
  for (let date = query.from; date <= query.to; date = addDaysIso(date, 1)) days.push({ date, weekday: isoWeekday(date), clocks: new Map() });
  let pools: Shared["pools"] = null;
  if (query.service.roomKind) {
    pools = new Map();
    for (const [locationId, rooms] of query.rooms ?? [])
      pools.set(
        locationId,
        rooms.map((busy) => widened(busy, query.service)),
      );
  }
  return { days, pools };
}

/** A visit [s, e) with buffers collides with a busy range B iff [s, e) overlaps B widened by the buffers. */
function widened(busy: readonly Interval[], service: ServiceRules): Interval[] {
  return mergeIntervals(busy.map((b) => ({ start: b.start - service.bufferAfterMinutes * MINUTE, end: b.end + service.bufferBeforeMinutes * MINUTE })));
}

/** Some room of the pool is free over [start, end). */
function roomFree(pool: readonly Interval[][] | undefined, start: number, end: number): boolean {
  if (!pool) return false;
  for (const busy of pool) if (!overlapsAny(busy, start, end)) return true;
  return false;
}

function clockOf(day: Day, timeZone: string) {
  let clock = day.clocks.get(timeZone);
  if (!clock) day.clocks.set(timeZone, (clock = dayClock(day.date, timeZone)));
  return clock;
}

/** Free slots of one practitioner, in time order. */
export function findPractitionerSlots(query: SlotQuery, calendar: PractitionerCalendar, shared: Shared = sharedOf(query)): Slot[] {
  const slots: Slot[] = [];
  forEachFreeStart(query, calendar, shared, (start, end) => slots.push({ practitionerId: calendar.practitionerId, start: new Date(start), end: new Date(end) }));
  return slots;
}

/** Calls `emit(start, end)` (epoch ms) for each free start of one practitioner, in time order. */
function forEachFreeStart(query: SlotQuery, calendar: PractitionerCalendar, { days, pools }: Shared, emit: (start: number, end: number) => void): void {
  const { service } = query;
  const duration = service.durationMinutes * MINUTE;
  const earliest = query.now.getTime() + service.minNoticeMinutes * MINUTE;
  const latest = query.now.getTime() + query.horizonDays * DAY;
  const forbidden = mergeIntervals([...calendar.timeOff, ...widened(calendar.busy, service)]);
  const step = Math.max(5, query.stepMinutes);

  for (const day of days) {
    for (const rule of rulesOn(calendar.hours, day.date, day.weekday)) {
      const clock = clockOf(day, rule.timeZone);
      const startMinute = minutesOf(rule.startTime);
      const endMinute = minutesOf(rule.endTime);
      const windowStart = clock.resolved(startMinute);
      const windowEnd = clock.resolved(endMinute);
      if (windowEnd <= earliest || windowStart > latest) continue;
      const breaks = mergeIntervals(rule.breaks.map((b) => ({ start: clock.resolved(minutesOf(b.start)), end: clock.resolved(minutesOf(b.end)) })));
      const pool = pools ? pools.get(rule.locationId ?? "") : null;
      if (pools && !pool?.length) continue; // a room is needed and this location has none of the kind
      for (let minute = startMinute; minute < endMinute; minute += step) {
        const start = clock.exact(minute);
        if (start === null) continue; // skipped by a DST change
        const end = start + duration;
        if (start < windowStart || end > windowEnd) continue;
        if (start < earliest || start > latest) continue;
        if (overlapsAny(breaks, start, end) || overlapsAny(forbidden, start, end)) continue;
        if (pool && !roomFree(pool, start, end)) continue;
        emit(start, end);
      }
    }
  }
}

const byStartThenPractitioner = (a: Slot, b: Slot) => a.start.getTime() - b.start.getTime() || (a.practitionerId < b.practitionerId ? -1 : a.practitionerId > b.practitionerId ? 1 : 0);

/** Every practitioner's free slots, ordered by start time then practitioner. */
export function findFreeSlots(query: SlotQuery, calendars: readonly PractitionerCalendar[]): Slot[] {
  const shared = sharedOf(query);
  return calendars.flatMap((c) => findPractitionerSlots(query, c, shared)).sort(byStartThenPractitioner);
}

/**
 * "First available" straight from the calendars: one slot per start time, from the practitioner with
 * the fewest bookings in the range (spreads the load), ties broken by id so the answer is stable.
 * Same answer as firstAvailable(findFreeSlots(...)) without building every practitioner's slots.
 */
export function findFirstAvailableSlots(query: SlotQuery, calendars: readonly PractitionerCalendar[]): Slot[] {
  const shared = sharedOf(query);
  const best = new Map<number, { end: number; calendar: PractitionerCalendar }>();
  const better = (a: PractitionerCalendar, b: PractitionerCalendar) => a.busy.length < b.busy.length || (a.busy.length === b.busy.length && a.practitionerId < b.practitionerId);
  for (const calendar of calendars) {
    forEachFreeStart(query, calendar, shared, (start, end) => {
      const current = best.get(start);
      if (!current || better(calendar, current.calendar)) best.set(start, { end, calendar });
    });
  }
  return [...best.entries()].sort((a, b) => a[0] - b[0]).map(([start, { end, calendar }]) => ({ practitionerId: calendar.practitionerId, start: new Date(start), end: new Date(end) }));
}

/** "First available" over slots already found (see findFirstAvailableSlots). */
export function firstAvailable(slots: readonly Slot[], calendars: readonly PractitionerCalendar[]): Slot[] {
  const load = new Map(calendars.map((c) => [c.practitionerId, c.busy.length]));
  const byStart = new Map<number, Slot>();
  for (const slot of slots) {
    const key = slot.start.getTime();
    const current = byStart.get(key);
    const better =
      !current ||
      (load.get(slot.practitionerId) ?? 0) < (load.get(current.practitionerId) ?? 0) ||
      ((load.get(slot.practitionerId) ?? 0) === (load.get(current.practitionerId) ?? 0) && slot.practitionerId < current.practitionerId);
    if (better) byStart.set(key, slot);
  }
  return [...byStart.values()].sort((a, b) => a.start.getTime() - b.start.getTime());
}

/** Up to `count` free slots nearest to `target` (for a 409's alternatives). */
export function nearestSlots(slots: readonly Slot[], target: Date, count: number): Slot[] {
  const t = target.getTime();
  return [...slots]
    .sort((a, b) => Math.abs(a.start.getTime() - t) - Math.abs(b.start.getTime() - t) || a.start.getTime() - b.start.getTime())
    .slice(0, count)
    .sort((a, b) => a.start.getTime() - b.start.getTime());
}
