/** Parts of the day a waiting patient can come, on the location's clock. */
export const DAY_PARTS = ["morning", "afternoon", "evening"] as const;
export type DayPart = (typeof DAY_PARTS)[number];
export const DAY_PART_LABELS: Record<DayPart, string> = { morning: "Morning (before 12:00)", afternoon: "Afternoon (12:00–17:00)", evening: "Evening (from 17:00)" };
export const WEEKDAY_LABELS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] as const;

/** The part of the day a local "HH:mm" falls in. */
export function dayPartOf(hhmm: string): DayPart {
  return hhmm < "12:00" ? "morning" : hhmm < "17:00" ? "afternoon" : "evening";
}

/**
 * Whether any weekly working hours (weekday, "HH:mm"–"HH:mm", local) meet the windows: windows that no
 * practitioner's hours ever meet would wait forever, so they are refused when the patient joins.
 */
export function hoursMeetWindows(windows: { weekdays: readonly number[]; dayParts: readonly string[] }, hours: ReadonlyArray<{ weekday: number; startTime: string; endTime: string }>): boolean {
  const partRanges: Record<DayPart, [string, string]> = { morning: ["00:00", "12:00"], afternoon: ["12:00", "17:00"], evening: ["17:00", "24:00"] };
  return hours.some(
    (h) =>
      windows.weekdays.includes(h.weekday) &&
      windows.dayParts.some((part) => {
        const [from, to] = partRanges[part as DayPart] ?? ["", ""];
        return h.startTime.slice(0, 5) < to && h.endTime.slice(0, 5) > from;
      }),
  );
}

/** "Mon, Thu · mornings" style words for a list. */
export function describeWindows(windows: { weekdays: readonly number[]; dayParts: readonly string[] }): string {
  const days =
    windows.weekdays.length === 7
      ? "Any day"
      : [...windows.weekdays]
          .sort()
          .map((d) => WEEKDAY_LABELS[d - 1])
          .join(", ");
  const parts = windows.dayParts.length === 3 ? "any time" : DAY_PARTS.filter((p) => windows.dayParts.includes(p)).join(", ");
  return `${days} · ${parts}`;
}
