import { addDaysIso, isoWeekday } from "@/lib/time";

/**
 * Adherence: what the patient did against what the regimen asked, per week and per exercise. Pure.
 *
 * - Each day a version is in force, an item asks for daysPerWeek × timesPerDay / 7 sessions (so rest days
 *   cost nothing: five days a week done on five days is 100%).
 * - A logged session counts setsDone / sets (a partial day earns part), at most timesPerDay a day, and an
 *   item never earns more than it asked for in a week (extra days do not hide missed ones).
 * - A version is in force from its start date until the next version starts; a log belongs to the
 *   version in force on its date, matched by exercise when the phone logged an item of an older version.
 * - The current week counts only the days up to today.
 */

export interface VersionForAdherence {
  regimenId: string;
  startDate: string;
  items: Array<{ id: string; exerciseId: string; sets: number; timesPerDay: number; daysPerWeek: number }>;
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
  const sorted = [...versions].sort((a, b) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : 0));
  if (!sorted.length || sorted[0]!.startDate > today) return { weeks: [] as WeekAdherence[], byExercise: [] as Array<{ exerciseId: string; expected: number; done: number; ratio: number }> };
  const itemById = new Map(sorted.flatMap((v) => v.items.map((i) => [i.id, i] as const)));
  const logsByDate = new Map<string, LogForAdherence[]>();
  for (const log of logs) logsByDate.set(log.date, [...(logsByDate.get(log.date) ?? []), log]);

  // Per week and exercise: expected and done, before capping.
  const cells = new Map<string, { weekStart: string; exerciseId: string; expected: number; done: number }>();
  for (let day = sorted[0]!.startDate; day <= today; day = addDaysIso(day, 1)) {
    const version = sorted.filter((v) => v.startDate <= day).at(-1)!;
    const week = mondayOf(day);
    for (const item of version.items) {
      const key = `${week}|${item.exerciseId}`;
      const cell = cells.get(key) ?? { weekStart: week, exerciseId: item.exerciseId, expected: 0, done: 0 };
      cell.expected += (item.daysPerWeek * item.timesPerDay) / 7;
      const sessions = (logsByDate.get(day) ?? [])
        .filter((l) => l.regimenItemId === item.id || itemById.get(l.regimenItemId)?.exerciseId === item.exerciseId)
        .map((l) => Math.min(1, l.setsDone / item.sets));
      cell.done += Math.min(item.timesPerDay, sessions.reduce((a, b) => a + b, 0));
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
