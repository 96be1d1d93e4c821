import { describe, expect, it } from "vitest";
import { formatInZone } from "@/lib/time";
import { nextConferenceStart } from "./schedule";
import { NEW_YORK } from "@/db/testing/zones";

const NY = NEW_YORK;
const next = (now: string) => formatInZone(nextConferenceStart({ weekday: 3, time: "12:30", timeZone: NY, now: new Date(now) }), NY, "EEE yyyy-MM-dd HH:mm");

describe("nextConferenceStart", () => {
  it("finds the coming Wednesday 12:30 in New York", () => {
    expect(next("2026-11-23T15:00:00Z")).toBe("Wed 2026-11-25 12:30");
  });
  it("keeps today's meeting while it is on, then moves to next week", () => {
    expect(next("2026-11-25T18:00:00Z")).toBe("Wed 2026-11-25 12:30");
    expect(next("2026-11-25T20:00:00Z")).toBe("Wed 2026-12-02 12:30");
  });
  it("stays at 12:30 local across a DST change", () => {
    expect(next("2026-10-30T12:00:00Z")).toBe("Wed 2026-11-04 12:30");
  });
});
