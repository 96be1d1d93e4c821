import { addDaysIso, isoWeekday } from "@/lib/time";

/**
 * Adherence: what the patient did against what the regimen asked, per week and per exercise. Pure.
 *
 * - Each day a version is in force, an item asks for daysPerWeek × timesPerDay / 7 sessions (so rest days
 *   cost nothing: five days a week done on five days is 100%).
 * - A logged session counts setsDone / sets (a partial day earns part), at most timesPerDay a day, and an
 *   item never earns more than it asked for in a week (extra days do not hide missed ones).
 * - Each day is judged by the version in force on that day (`versionInForce`): the first version takes
 *   effect on its start date (a plan given on paper may be entered later); a version that replaces
 *   another takes effect on its start date but never before the day after it was saved — it does not
 *   rewrite days the patient spent following the one before, nor the day it was saved on, which began
 *   under the old plan and may be half done by it. A log belongs to the
 *   version in force on its date, matched by exercise when the phone logged an item of another version.
 * - The current week counts only the days up to today.
 */

export interface VersionForAdherence {
  regimenId: string;
  /** 1, 2, 3… within the lineage; breaks ties between versions that start on the same day. */
  version?: number;
  startDate: string;
  /** The clinic-zone date the version was saved; unknown (older callers, tests) = saved before it starts. */
  savedOn?: string;
  items: Array<{ id: string; exerciseId: string; sets: number; timesPerDay: number; daysPerWeek: number }>;
}

const later = (a: string, b: string) => (a > b ? a : b);
const byVersion = <V extends Pick<VersionForAdherence, "version" | "startDate" | "savedOn">>(a: V, b: V) =>
  (a.version ?? 0) - (b.version ?? 0) || (a.savedOn ?? "").localeCompare(b.savedOn ?? "") || a.startDate.localeCompare(b.startDate);

/**
 * The first day each version is in force, in saving order. A version that never gets a day of its own
 * (replaced before it took effect) is left out.
 */
export function effectiveVersions<V extends Pick<VersionForAdherence, "version" | "startDate" | "savedOn">>(versions: readonly V[]): Array<V & { from: string }> {
  const ordered = [...versions].sort(byVersion);
  const result: Array<V & { from: string }> = [];
  for (const v of ordered) {
    if (v.savedOn) {
      // Versions saved before this one but not yet in force on the day it was saved never take effect.
      while (result.length && result.at(-1)!.from > v.savedOn) result.pop();
    }
    // Replacing a version already in force on the day it is saved: from the next day at the earliest.
    const replaces = Boolean(v.savedOn && result.length);
    const from = replaces ? later(v.startDate, addDaysIso(v.savedOn!, 1)) : v.startDate;
    // A version that takes effect on or before an earlier one's first day ends that one's days.
    while (result.length && result.at(-1)!.from >= from) result.pop();
    result.push({ ...v, from });
  }
  return result;
}

/** For each day: the exercises the version in force asked for (a day before any plan is left out). */
export function planCalendar(versions: readonly VersionForAdherence[], days: readonly string[]): Record<string, string[]> {
  const effective = effectiveVersions(versions);
  const calendar: Record<string, string[]> = {};
  for (const day of days) {
    const version = effective.filter((v) => v.from <= day).at(-1);
    if (version) calendar[day] = version.items.map((i) => i.exerciseId);
  }
  return calendar;
}

/** The version in force on a day, or undefined before the first one. */
export function versionInForce<V extends Pick<VersionForAdherence, "version" | "startDate" | "savedOn">>(versions: readonly V[], day: string): V | undefined {
  return effectiveVersions(versions)
    .filter((v) => v.from <= day)
    .at(-1);
}
export interface LogForAdherence {
  regimenItemId: string;
  date: string;
  setsDone: number;
}
export interface WeekAdherence {
  weekStart: string;
  expected: number;
  done: number;
  ratio: number;
  complete: boolean;
}

export const mondayOf = (date: string) => addDaysIso(date, 1 - isoWeekday(date));

export function computeAdherence(versions: readonly VersionForAdherence[], logs: readonly LogForAdherence[], today: string) {
  const sorted = effectiveVersions(versions);
  if (!sorted.length || sorted[0]!.from > today) return { weeks: [] as WeekAdherence[], byExercise: [] as Array<{ exerciseId: string; expected: number; done: number; ratio: number }> };
  const itemById = new Map(versions.flatMap((v) => v.items.map((i) => [i.id, i] as const)));
  const logsByDate = new Map<string, LogForAdherence[]>();
  for (const log of logs) logsByDate.set(log.date, [...(logsByDate.get(log.date) ?? []), log]);

  // Per week and exercise: expected and done, before capping.
  const cells = new Map<string, { weekStart: string; exerciseId: string; expected: number; done: number }>();
  for (let day = sorted[0]!.from; day <= today; day = addDaysIso(day, 1)) {
    const version = sorted.filter((v) => v.from <= day).at(-1)!;
    const week = mondayOf(day);
    for (const item of version.items) {
      const key = `${week}|${item.exerciseId}`;
      const cell = cells.get(key) ?? { weekStart: week, exerciseId: item.exerciseId, expected: 0, done: 0 };
      cell.expected += (item.daysPerWeek * item.timesPerDay) / 7;
      const sessions = (logsByDate.get(day) ?? [])
        .filter((l) => l.regimenItemId === item.id || itemById.get(l.regimenItemId)?.exerciseId === item.exerciseId)
        .map((l) => Math.min(1, l.setsDone / item.sets));
      cell.done += Math.min(
        item.timesPerDay,
        sessions.reduce((a, b) => a + b, 0),
      );
      cells.set(key, cell);
    }
  }

  const weeks = new Map<string, WeekAdherence>();
  const byExercise = new Map<string, { exerciseId: string; expected: number; done: number; ratio: number }>();
  for (const cell of cells.values()) {
    const done = Math.min(cell.done, cell.expected);
    const w = weeks.get(cell.weekStart) ?? { weekStart: cell.weekStart, expected: 0, done: 0, ratio: 0, complete: addDaysIso(cell.weekStart, 6) < today };
    w.expected += cell.expected;
    w.done += done;
    weeks.set(cell.weekStart, w);
    const e = byExercise.get(cell.exerciseId) ?? { exerciseId: cell.exerciseId, expected: 0, done: 0, ratio: 0 };
    e.expected += cell.expected;
    e.done += done;
    byExercise.set(cell.exerciseId, e);
  }
  const ratio = (x: { expected: number; done: number }) => (x.expected > 0 ? x.done / x.expected : 0);
  return {
    weeks: [...weeks.values()].sort((a, b) => (a.weekStart < b.weekStart ? -1 : 1)).map((w) => ({ ...w, ratio: ratio(w) })),
    byExercise: [...byExercise.values()].map((e) => ({ ...e, ratio: ratio(e) })),
  };
}

export interface CheckInReason {
  kind: "adherence" | "pain";
  text: string;
  /** Stable for the period it is about, so the same task is raised once. */
  key: string;
}

/**
 * A check-in task is due when adherence stayed under 50% for the last two complete weeks, or pain rose
 * by 2 points or more since the plan started (first logged pain against the latest).
 */
export function checkInReasons(weeks: readonly WeekAdherence[], pains: ReadonlyArray<{ date: string; pain: number }>): CheckInReason[] {
  const reasons: CheckInReason[] = [];
  const complete = weeks.filter((w) => w.complete && w.expected > 0);
  const lastTwo = complete.slice(-2);
  if (lastTwo.length === 2 && lastTwo.every((w) => w.ratio < 0.5)) {
    reasons.push({
      kind: "adherence",
      key: `adherence:${lastTwo[1]!.weekStart}`,
      text: `Adherence under 50% for two weeks (${lastTwo.map((w) => `${Math.round(w.ratio * 100)}%`).join(", ")})`,
    });
  }
  const ordered = [...pains].sort((a, b) => (a.date < b.date ? -1 : 1));
  if (ordered.length >= 2) {
    const rise = ordered.at(-1)!.pain - ordered[0]!.pain;
    if (rise >= 2) reasons.push({ kind: "pain", key: `pain:${mondayOf(ordered.at(-1)!.date)}`, text: `Pain up ${rise} points since the plan started (${ordered[0]!.pain} → ${ordered.at(-1)!.pain})` });
  }
  return reasons;
}
