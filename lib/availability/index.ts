import "server-only";
import { env } from "@/lib/env";
import type { Db, DbOrTx } from "@/db/client";
import { addDaysIso, zonedInstant } from "@/lib/time";
import { bookingHorizonDays } from "@/lib/validation/dates";
import { findFirstAvailableSlots, findFreeSlots, findPractitionerSlots, type Slot } from "./engine";
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
  return freeSlotsFrom((load) => loadAvailabilityCached(db, load), input);
}

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

async function freeSlotsFrom(loader: (load: Parameters<typeof loadAvailability>[1]) => Promise<AvailabilityData>, input: SlotsInput): Promise<SlotsResult> {
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
  const slots = input.practitionerId || input.firstAvailableOnly === false ? findFreeSlots(query, data.calendars) : findFirstAvailableSlots(query, data.calendars);
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

export type { Slot } from "./engine";
export type { BookableService } from "./load";
