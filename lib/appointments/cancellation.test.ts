import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/en.json";
import { CANCEL_REASONS, CANCEL_REASON_SIDE, isLateCancellation } from "./cancellation";

const startsAt = new Date("2030-03-04T15:00:00Z");
const hoursBefore = (h: number) => new Date(startsAt.getTime() - h * 3_600_000);

describe("isLateCancellation", () => {
  it("is late on the patient's side inside the cutoff, never outside it", () => {
    expect(isLateCancellation({ side: "patient", startsAt, cutoffHours: 24, now: hoursBefore(2) })).toBe(true);
    expect(isLateCancellation({ side: "patient", startsAt, cutoffHours: 24, now: hoursBefore(24) })).toBe(true);
    expect(isLateCancellation({ side: "patient", startsAt, cutoffHours: 24, now: hoursBefore(25) })).toBe(false);
  });

  it("is never late on the clinic's side", () => {
    expect(isLateCancellation({ side: "clinic", startsAt, cutoffHours: 24, now: hoursBefore(1) })).toBe(false);
  });

  it("has words for every reason and a side for each", () => {
    for (const reason of CANCEL_REASONS) {
      expect(en.cancelReasons[reason]).toBeTruthy();
      expect(["patient", "clinic"]).toContain(CANCEL_REASON_SIDE[reason]);
    }
    expect(CANCEL_REASON_SIDE.practitioner_ill).toBe("clinic");
    expect(CANCEL_REASON_SIDE.patient_called).toBe("patient");
  });
});
