import { describe, expect, it } from "vitest";
import { addDaysIso, existingZonedInstant, isoWeekday, localDate, zonedInstant } from "./time";

const NY = "America/New_York";

describe("zoned wall-clock times", () => {
  it("reads 09:00 in New York as 14:00Z in winter and 13:00Z in summer", () => {
    expect(zonedInstant("2026-01-15", "09:00", NY).toISOString()).toBe("2026-01-15T14:00:00.000Z");
    expect(zonedInstant("2026-07-15", "09:00", NY).toISOString()).toBe("2026-07-15T13:00:00.000Z");
  });

  it("knows 02:30 does not exist on the spring-forward day", () => {
    expect(existingZonedInstant("2026-03-08", "02:30", NY)).toBeNull();
    expect(existingZonedInstant("2026-03-08", "03:00", NY)?.toISOString()).toBe("2026-03-08T07:00:00.000Z");
  });

  it("gives the local calendar date of an instant", () => {
    expect(localDate(new Date("2026-01-16T03:00:00Z"), NY)).toBe("2026-01-15");
  });

  it("does calendar arithmetic on ISO dates", () => {
    expect(addDaysIso("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDaysIso("2026-03-01", -1)).toBe("2026-02-28");
    expect(isoWeekday("2026-11-23")).toBe(1);
    expect(isoWeekday("2026-11-29")).toBe(7);
  });
});
