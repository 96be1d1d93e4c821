import { formatInZone, isoWeekday, localDate } from "@/lib/time";
import { dayPartOf } from "./windows";

/** Server side of the windows: whether an instant fits them on a location's clock (lib/time stays off the client). */
export interface Windows {
  weekdays: readonly number[];
  dayParts: readonly string[];
  /** Last local day (inclusive). */
  until: string;
}

/** Whether a time starting at `start` fits the windows, on `timeZone`'s clock. */
export function fitsWindows(windows: Windows, start: Date, timeZone: string): boolean {
  const day = localDate(start, timeZone);
  return day <= windows.until && windows.weekdays.includes(isoWeekday(day)) && windows.dayParts.includes(dayPartOf(formatInZone(start, timeZone, "HH:mm")));
}
