import type { Slot } from "@/lib/availability/engine";
import { isoInZone } from "@/lib/time";

export { isoInZone };

export function presentSlot(slot: Slot, timeZone: string) {
  return { practitionerId: slot.practitionerId, start: isoInZone(slot.start, timeZone), end: isoInZone(slot.end, timeZone) };
}
