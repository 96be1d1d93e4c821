import { addDaysIso, isoWeekday, localDate, zonedInstant } from "@/lib/time";

/**
 * The next weekly case conference at or after `now` (a meeting in progress counts for two hours after
 * it starts), on the configured ISO weekday and local time in the clinic's zone.
 */
export function nextConferenceStart(input: { weekday: number; time: string; timeZone: string; now: Date }): Date {
  const today = localDate(input.now, input.timeZone);
  for (let i = 0; i <= 7; i++) {
    const date = addDaysIso(today, i);
    if (isoWeekday(date) !== input.weekday) continue;
    const start = zonedInstant(date, input.time, input.timeZone);
    if (start.getTime() + 2 * 3_600_000 > input.now.getTime()) return start;
  }
  return zonedInstant(addDaysIso(today, 7), input.time, input.timeZone);
}
