import { TZDate, tzOffset } from "@date-fns/tz";
import { format } from "date-fns";

export { formatDay } from "./day-format";

/**
 * Wall-clock time helpers. Instants are stored in UTC and turned into local time only at the edge,
 * in the location's IANA zone — never in the server's own zone.
 */

/** The instant at which the clock in `timeZone` reads `date` `time` ("YYYY-MM-DD", "HH:mm"). */
export function zonedInstant(date: string, time: string, timeZone: string): Date {
  const [y, mo, d] = date.split("-").map(Number) as [number, number, number];
  const [h, mi] = time.split(":").map(Number) as [number, number];
  return new Date(new TZDate(y, mo - 1, d, h, mi, timeZone).getTime());
}

/**
 * Like zonedInstant, but null when that wall-clock time does not exist in the zone
 * (the hour skipped when clocks go forward).
 */
export function existingZonedInstant(date: string, time: string, timeZone: string): Date | null {
  const instant = zonedInstant(date, time, timeZone);
  return formatInZone(instant, timeZone, "yyyy-MM-dd HH:mm") === `${date} ${time}` ? instant : null;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

// Zone offsets change only at transitions, which fall on whole minutes (St. John's once changed at 00:01):
// one lookup per zone and minute serves every instant in it (a week's grid formats thousands). Bounded.
const BUCKET = 60_000;
const offsets = new Map<string, Map<number, number>>();
function offsetAt(timeZone: string, epochMs: number): number {
  let zone = offsets.get(timeZone);
  if (!zone) offsets.set(timeZone, (zone = new Map()));
  const bucket = Math.floor(epochMs / BUCKET);
  let offset = zone.get(bucket);
  if (offset === undefined) {
    if (zone.size > 50_000) zone.clear();
    offset = Math.round(tzOffset(timeZone, new Date(bucket * BUCKET)));
    zone.set(bucket, offset);
  }
  return offset;
}

/**
 * ISO 8601 with the zone's UTC offset, e.g. 2026-12-01T09:00:00-05:00 — the same text as
 * formatInZone(instant, zone, "yyyy-MM-dd'T'HH:mm:ssXXX") at a fraction of the cost (slot lists format
 * hundreds of times per request). Whole-minute offsets, i.e. any zone since 1970.
 */
export function isoInZone(instant: Date, timeZone: string): string {
  const offset = offsetAt(timeZone, instant.getTime());
  const local = new Date(instant.getTime() + offset * 60_000);
  const abs = Math.abs(offset);
  const zone = offset === 0 ? "Z" : `${offset < 0 ? "-" : "+"}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
  return `${local.getUTCFullYear()}-${pad2(local.getUTCMonth() + 1)}-${pad2(local.getUTCDate())}T${pad2(local.getUTCHours())}:${pad2(local.getUTCMinutes())}:${pad2(local.getUTCSeconds())}${zone}`;
}

export function formatInZone(instant: Date, timeZone: string, pattern: string): string {
  return format(new TZDate(instant.getTime(), timeZone), pattern);
}

/** The calendar date ("YYYY-MM-DD") of an instant in a zone (from the offset: lists compute thousands). */
export function localDate(instant: Date, timeZone: string): string {
  const t = instant.getTime();
  return new Date(t + offsetAt(timeZone, t) * 60_000).toISOString().slice(0, 10);
}

/** "9:30 AM" on the zone's clock — formatInZone(…, "h:mm a") for lists, from the offset alone. */
export function clockTime(instant: Date, timeZone: string): string {
  const t = instant.getTime();
  const minuteOfDay = (((Math.floor(t / 60_000) + offsetAt(timeZone, t)) % 1440) + 1440) % 1440;
  const h = Math.floor(minuteOfDay / 60);
  return `${h % 12 || 12}:${pad2(minuteOfDay % 60)} ${h < 12 ? "AM" : "PM"}`;
}

/** ISO weekday (1 = Monday ... 7 = Sunday) of a "YYYY-MM-DD" date. */
export function isoWeekday(date: string): number {
  const [y, mo, d] = date.split("-").map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, mo - 1, d)).getUTCDay();
  return day === 0 ? 7 : day;
}

/** "YYYY-MM-DD" plus n calendar days. */
export function addDaysIso(date: string, days: number): string {
  const [y, mo, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, mo - 1, d + days)).toISOString().slice(0, 10);
}

/** "Wed, Nov 25, 2026, 9:30 AM EST" in the zone, named — the one way times are shown to people. */
export function formatDateTime(instant: Date, timeZone: string): string {
  return `${formatInZone(instant, timeZone, "EEE, MMM d, yyyy, h:mm a")} ${zoneAbbreviation(timeZone, instant)}`;
}

/** "9:30 AM MST": a time of day with its zone named. */
export function formatTimeWithZone(instant: Date, timeZone: string): string {
  return `${formatInZone(instant, timeZone, "h:mm a")} ${zoneAbbreviation(timeZone, instant)}`;
}

/** "EST", "MDT" (or "GMT+1" where a zone has no common abbreviation in English) at that instant. */
export function zoneAbbreviation(timeZone: string, at: Date = new Date()): string {
  return new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "short" }).formatToParts(at).find((p) => p.type === "timeZoneName")?.value ?? timeZone;
}

/** A readable zone name for the screen, e.g. "Eastern Time (New York)". */
export function describeTimeZone(timeZone: string, at: Date = new Date()): string {
  const long = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "long" }).formatToParts(at).find((p) => p.type === "timeZoneName")?.value;
  const city = timeZone.split("/").pop()?.replaceAll("_", " ");
  return long ? `${long} (${city})` : timeZone;
}

/** "10:00–11:00 AM", or "11:00 AM–12:00 PM" across noon: both ends on the zone's clock. */
export function formatTimeRange(start: Date, end: Date, timeZone: string): string {
  const a = clockTime(start, timeZone);
  const b = clockTime(end, timeZone);
  return a.slice(-2) === b.slice(-2) ? `${a.slice(0, -3)}–${b}` : `${a}–${b}`;
}
