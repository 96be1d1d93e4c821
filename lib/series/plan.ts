import type { Slot } from "@/lib/availability/engine";
import { addDaysIso, existingZonedInstant, isoWeekday } from "@/lib/time";

/**
 * A plan of care as a series of visits (issue 13): "Mon and Thu at 08:30 for six weeks". Pure: the dates
 * and instants of each occurrence, and — against the practitioner's free slots — which ones are free and,
 * for the others, the nearest free times the same ISO week. Each occurrence is the same wall-clock time on
 * the location's clock, so 08:30 stays 08:30 across a DST change.
 */
export interface SeriesPattern {
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  weekdays: readonly number[];
  /** "HH:mm" on the location's clock. */
  time: string;
  /** The first day the series may start (local date). */
  startsOn: string;
  /** How many visits (1–52). */
  count: number;
  timeZone: string;
}

export interface Occurrence {
  date: string;
  /** Null when the time does not exist that day (skipped by a DST change). */
  start: Date | null;
}

export const MAX_SERIES_VISITS = 52;

/** The first `count` days on or after `startsOn` that fall on one of the weekdays, each at `time`. */
export function seriesOccurrences(pattern: SeriesPattern): Occurrence[] {
  const days = new Set(pattern.weekdays);
  if (!days.size || pattern.count < 1) return [];
  const out: Occurrence[] = [];
  for (let date = pattern.startsOn; out.length < Math.min(pattern.count, MAX_SERIES_VISITS); date = addDaysIso(date, 1)) {
    if (days.has(isoWeekday(date))) out.push({ date, start: existingZonedInstant(date, pattern.time, pattern.timeZone) });
  }
  return out;
}

export interface CheckedOccurrence extends Occurrence {
  free: boolean;
  /** Not free: up to three free times of the same practitioner in the same ISO week, nearest first in time. */
  alternatives: Slot[];
}

/** Monday of the ISO week of a local date. */
const weekOf = (date: string) => addDaysIso(date, 1 - isoWeekday(date));

/**
 * Each occurrence against the practitioner's free slots (found for the whole span at once): free when a
 * slot starts exactly then; otherwise the nearest free times that week (never one another occurrence of
 * the series takes).
 */
export function checkOccurrences(occurrences: readonly Occurrence[], slots: readonly Slot[], localDateOf: (instant: Date) => string): CheckedOccurrence[] {
  const starts = new Set(slots.map((s) => s.start.getTime()));
  const taken = new Set(occurrences.filter((o) => o.start && starts.has(o.start.getTime())).map((o) => o.start!.getTime()));
  return occurrences.map((o) => {
    if (o.start && starts.has(o.start.getTime())) return { ...o, free: true, alternatives: [] };
    const week = weekOf(o.date);
    const target = o.start?.getTime() ?? Date.parse(`${o.date}T12:00:00Z`);
    const alternatives = slots
      .filter((s) => !taken.has(s.start.getTime()) && weekOf(localDateOf(s.start)) === week)
      .sort((a, b) => Math.abs(a.start.getTime() - target) - Math.abs(b.start.getTime() - target) || a.start.getTime() - b.start.getTime())
      .slice(0, 3)
      .sort((a, b) => a.start.getTime() - b.start.getTime());
    return { ...o, free: false, alternatives };
  });
}
