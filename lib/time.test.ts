import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDaysIso, existingZonedInstant, formatInZone, clockTime, formatDay, formatTimeRange, isoInZone, isoWeekday, localDate, zonedInstant } from "./time";
import { NEW_YORK } from "@/db/testing/zones";

const NY = NEW_YORK;

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

describe("isoInZone", () => {
  it("writes the local time with the zone's offset on both sides of a DST change", () => {
    expect(isoInZone(new Date("2026-03-08T06:59:00Z"), NY)).toBe("2026-03-08T01:59:00-05:00");
    expect(isoInZone(new Date("2026-03-08T07:00:00Z"), NY)).toBe("2026-03-08T03:00:00-04:00");
    expect(isoInZone(new Date("2026-11-01T05:30:00Z"), NY)).toBe("2026-11-01T01:30:00-04:00");
    expect(isoInZone(new Date("2026-11-01T06:30:00Z"), NY)).toBe("2026-11-01T01:30:00-05:00");
    expect(isoInZone(new Date("2026-06-01T12:00:00Z"), "UTC")).toBe("2026-06-01T12:00:00Z");
    expect(isoInZone(new Date("2026-06-01T12:00:00Z"), "Asia/Kolkata")).toBe("2026-06-01T17:30:00+05:30");
  });

  it("says exactly what date-fns says, for any instant since 1970 in any of these zones", () => {
    const zones = [NEW_YORK, "Europe/Berlin", "Australia/Lord_Howe", "Asia/Kathmandu", "Pacific/Chatham", "America/St_Johns", "UTC", "America/Sao_Paulo"];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_102_444_800 }), fc.constantFrom(...zones), (seconds, zone) => {
        const instant = new Date(seconds * 1000);
        expect(isoInZone(instant, zone)).toBe(formatInZone(instant, zone, "yyyy-MM-dd'T'HH:mm:ssXXX"));
      }),
      { numRuns: 2000 },
    );
  });
});

describe("formatTimeRange", () => {
  it("names the half of the day once, or at both ends across noon", () => {
    expect(formatTimeRange(zonedInstant("2026-12-09", "10:00", NEW_YORK), zonedInstant("2026-12-09", "11:00", NEW_YORK), NEW_YORK)).toBe("10:00–11:00 AM");
    expect(formatTimeRange(zonedInstant("2026-12-09", "11:00", NEW_YORK), zonedInstant("2026-12-09", "12:00", NEW_YORK), NEW_YORK)).toBe("11:00 AM–12:00 PM");
  });
});

describe("clockTime and localDate (from the offset)", () => {
  it("read as formatInZone does, on both sides of a DST change and around midnight and noon", () => {
    for (const iso of ["2026-03-08T06:59:00Z", "2026-03-08T07:00:00Z", "2026-11-01T05:30:00Z", "2026-11-01T06:30:00Z", "2026-12-09T04:59:00Z", "2026-12-09T05:00:00Z", "2026-12-09T17:00:00Z"]) {
      const at = new Date(iso);
      expect(clockTime(at, NEW_YORK)).toBe(formatInZone(at, NEW_YORK, "h:mm a"));
      expect(localDate(at, NEW_YORK)).toBe(formatInZone(at, NEW_YORK, "yyyy-MM-dd"));
    }
  });
});

describe("formatDay", () => {
  it("shows a calendar date as people read it, the same in every zone", () => {
    expect(formatDay("2026-12-01")).toBe("Dec 1, 2026");
    expect(formatDay("2027-01-31")).toBe("Jan 31, 2027");
  });
});
