import type { Slot } from "@/lib/availability/engine";
import { formatInZone } from "@/lib/time";

/** ISO 8601 with the clinic's UTC offset, e.g. 2026-12-01T09:00:00-05:00. */
export function isoInZone(instant: Date, timeZone: string): string {
  return formatInZone(instant, timeZone, "yyyy-MM-dd'T'HH:mm:ssXXX");
}

export function presentSlot(slot: Slot, timeZone: string) {
  return { practitionerId: slot.practitionerId, start: isoInZone(slot.start, timeZone), end: isoInZone(slot.end, timeZone) };
}
