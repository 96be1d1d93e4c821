/* Dependency-free, so client components can use it without the zone library. */
/** "Dec 1, 2026" for a calendar date ("YYYY-MM-DD"): how dates are shown to people, never the ISO form. */
export function formatDay(date: string): string {
  const [y, mo, d] = date.split("-").map(Number) as [number, number, number];
  return new Intl.DateTimeFormat("en-US", { timeZone: "UTC", month: "short", day: "numeric", year: "numeric" }).format(new Date(Date.UTC(y, mo - 1, d)));
}
