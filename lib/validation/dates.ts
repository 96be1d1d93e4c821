import { env } from "@/lib/env";
/**
 * Bounds for dates and times people send. Anything outside is a 400 with a field error, never a 500
 * from date arithmetic far from today (a start in the year 9999 overflowed "YYYY-MM-DD" helpers).
 * No server imports: the same checks run in forms.
 */

export const EARLIEST_DATE = "1900-01-01";
const DAY = 86_400_000;

/** How far ahead patients can book (BOOKING_HORIZON_DAYS, default 90). */
export function bookingHorizonDays(): number {
  return env().BOOKING_HORIZON_DAYS;
}

export const OUTSIDE_HORIZON_MESSAGE = `Choose a time within the booking horizon (the next ${bookingHorizonDays()} days)`;

/**
 * An appointment start the engine may be asked about: from a day ago (a time that just passed still gets
 * "no longer free" with alternatives) to a day past the booking horizon.
 */
export function isWithinBookingRange(instant: string | Date, now: Date = new Date()): boolean {
  const t = instant instanceof Date ? instant.getTime() : Date.parse(instant);
  if (!Number.isFinite(t)) return false;
  return t >= now.getTime() - DAY && t <= now.getTime() + (bookingHorizonDays() + 1) * DAY;
}

/** A "YYYY-MM-DD" a person or a calendar may ask about: from 1900 up to ten years from now. */
export function isPlausibleDate(date: string, now: Date = new Date()): boolean {
  const latest = new Date(now.getTime() + 3653 * DAY).toISOString().slice(0, 10);
  return date >= EARLIEST_DATE && date <= latest;
}
