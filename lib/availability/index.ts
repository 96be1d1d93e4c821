import "server-only";
import { env } from "@/lib/env";
import type { Db, DbOrTx } from "@/db/client";
import { addDaysIso, zonedInstant } from "@/lib/time";
import { bookingHorizonDays } from "@/lib/validation/dates";
import { findFirstAvailableSlots, findFreeSlots, findPractitionerSlots, type Slot, type SlotQuery } from "./engine";
import { loadAvailabilityCached } from "./cache";
import { loadAvailability, type AvailabilityData, type BookableService } from "./load";

/** How far ahead patients can book, and the grid slots start on. */
export const BOOKING_HORIZON_DAYS = bookingHorizonDays();
export const SLOT_STEP_MINUTES = env().SLOT_STEP_MINUTES;
export const MAX_RANGE_DAYS = 31;

export interface SlotsResult {
  service: BookableService | null;
  timeZone: string;
  slots: Slot[];
  /** Whether `start` would be offered if nobody had booked anything (tells "taken" from "never offered"). */
  isWithinHours: (practitionerId: string, start: Date) => boolean;
  /** Whether `start` is free for the practitioner and only the rooms are taken then. */
  onlyRoomsTaken: (practitionerId: string, start: Date) => boolean;
}

/**
 * Free slots of a service between two local dates (inclusive): for one practitioner, or "first
 * available" (one practitioner per start time) across everyone who offers it.
 */
export async function getFreeSlots(db: DbOrTx, input: SlotsInput): Promise<SlotsResult> {
  return freeSlotsFrom((load) => loadAvailability(db, load), input);
}

/**
 * The same answer for the public read paths (the slots API behind /book), from calendars each instance
 * keeps and re-checks against PostgreSQL on every call (see ./cache). Root handle only, no transaction.
 */
export async function getPublicFreeSlots(db: Db, input: SlotsInput): Promise<SlotsResult> {
  return freeSlotsFrom((load) => loadAvailabilityCached(db, load), input, true);
}

/**
 * The public path's last answers, per query: reused while the calendars it was computed from are the very
 * ones the cache holds (the cache re-checks their versions in PostgreSQL on every call), for at most a
 * minute. Computed one day further than the horizon, then cut to this moment's notice and horizon — the
 * only things in an answer that move with the clock — so a reused answer is exactly a fresh one.
 */
interface SlotsMemo {
  service: BookableService;
  rooms: AvailabilityData["rooms"];
  calendars: readonly AvailabilityData["calendars"][number][];
  computedAt: number;
  slots: Slot[];
}
const MEMO_KEY = Symbol.for("backline.slots-memo");
const memoGlobal = globalThis as typeof globalThis & { [MEMO_KEY]?: Map<string, SlotsMemo> };
const memos = (memoGlobal[MEMO_KEY] ??= new Map<string, SlotsMemo>());
const MEMO_MS = 60_000;
const MAX_MEMOS = 64;

interface SlotsInput {
  serviceSlug: string;
  practitionerId?: string | null;
  from: string;
  to: string;
  now?: Date;
  firstAvailableOnly?: boolean;
  ignoreAppointmentId?: string | null;
  /** The waitlist offer being accepted: its hold is not busy time for its own patient. */
  exceptOfferId?: string | null;
  /** One location's hours, answered in its zone (default: the clinic's main location's zone, every location's hours). */
  locationId?: string | null;
}

async function freeSlotsFrom(loader: (load: Parameters<typeof loadAvailability>[1]) => Promise<AvailabilityData>, input: SlotsInput, memoize = false): Promise<SlotsResult> {
  const now = input.now ?? new Date();
  // Pad by two days each side: the clinic's zone is only known after the load, and appointments just
  // outside the range can still block a slot with their buffers.
  const data = await loader({
    serviceSlug: input.serviceSlug,
    practitionerId: input.practitionerId,
    ignoreAppointmentId: input.ignoreAppointmentId,
    exceptOfferId: input.exceptOfferId,
    locationId: input.locationId,
    fromDate: input.from,
    toDate: input.to,
    from: zonedInstant(addDaysIso(input.from, -2), "00:00", "UTC"),
    to: zonedInstant(addDaysIso(input.to, 3), "00:00", "UTC"),
  });
  if (!data.service) return { service: null, timeZone: data.timeZone, slots: [], isWithinHours: () => false, onlyRoomsTaken: () => false };
  const query = { service: data.service, from: input.from, to: input.to, timeZone: data.timeZone, now, horizonDays: BOOKING_HORIZON_DAYS, stepMinutes: SLOT_STEP_MINUTES, rooms: data.rooms };
  const compute = (q: typeof query) => (input.practitionerId || input.firstAvailableOnly === false ? findFreeSlots(q, data.calendars) : findFirstAvailableSlots(q, data.calendars));
  const slots = memoize ? memoizedSlots(input, data, query, compute) : compute(query);
  // The same query with every room free: tells "the rooms are taken" from "the practitioner is".
  const roomsFree = { ...query, rooms: new Map([...data.rooms].map(([locationId, pool]) => [locationId, pool.map(() => [])])) };
  const offers = (q: typeof query, calendar: (typeof data.calendars)[number], start: Date) => findPractitionerSlots(q, calendar).some((s) => s.start.getTime() === start.getTime());
  const isWithinHours = (practitionerId: string, start: Date) => {
    const calendar = data.calendars.find((c) => c.practitionerId === practitionerId);
    // Nobody booked: the practitioner's and the rooms' appointments both left out.
    return calendar ? offers(roomsFree, { ...calendar, busy: [] }, start) : false;
  };
  const onlyRoomsTaken = (practitionerId: string, start: Date) => {
    const calendar = data.calendars.find((c) => c.practitionerId === practitionerId);
    if (!calendar || !data.service?.roomKind || slots.some((s) => s.practitionerId === practitionerId && s.start.getTime() === start.getTime())) return false;
    return offers(roomsFree, calendar, start);
  };
  return { service: data.service, timeZone: data.timeZone, slots, isWithinHours, onlyRoomsTaken };
}

function memoizedSlots<Q extends SlotQuery>(input: SlotsInput, data: AvailabilityData, query: Q, compute: (q: Q) => Slot[]): Slot[] {
  const key = JSON.stringify([input.serviceSlug, input.practitionerId ?? null, input.locationId ?? null, input.from, input.to, input.firstAvailableOnly ?? null, query.stepMinutes, query.horizonDays]);
  const now = query.now.getTime();
  const earliest = now + query.service.minNoticeMinutes * 60_000;
  const latest = now + query.horizonDays * 86_400_000;
  const cut = (slots: Slot[]) => slots.filter((s) => s.start.getTime() >= earliest && s.start.getTime() <= latest);
  const memo = memos.get(key);
  const same =
    memo &&
    memo.service === data.service &&
    memo.rooms === data.rooms &&
    memo.calendars.length === data.calendars.length &&
    memo.calendars.every((c, i) => c === data.calendars[i]) &&
    now >= memo.computedAt &&
    now - memo.computedAt < MEMO_MS;
  if (same) return cut(memo.slots);
  const slots = compute({ ...query, horizonDays: query.horizonDays + 1 });
  memos.delete(key);
  memos.set(key, { service: data.service!, rooms: data.rooms, calendars: data.calendars, computedAt: now, slots });
  if (memos.size > MAX_MEMOS) memos.delete(memos.keys().next().value!);
  return cut(slots);
}

export type { Slot } from "./engine";
export type { BookableService } from "./load";
