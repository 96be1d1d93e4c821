import { afterEach, describe, expect, it, vi } from "vitest";
import { isPlausibleDate, isWithinBookingRange } from "./dates";

const now = new Date("2026-12-02T12:00:00Z");
afterEach(() => {
  vi.unstubAllEnvs();
});

describe("booking range", () => {
  it("takes times from a day ago to a day past the horizon (90 days by default)", () => {
    expect(isWithinBookingRange("2026-12-03T15:00:00-05:00", now)).toBe(true);
    expect(isWithinBookingRange("2026-12-01T13:00:00Z", now)).toBe(true);
    expect(isWithinBookingRange("2027-03-02T12:00:00Z", now)).toBe(true);
    for (const far of ["9999-12-31T10:00:00Z", "1899-12-31T10:00:00Z", "0001-01-01T00:00:00Z", "2027-03-05T12:00:00Z", "2026-11-30T11:00:00Z", "not a date"]) {
      expect(isWithinBookingRange(far, now), far).toBe(false);
    }
  });

  it("follows BOOKING_HORIZON_DAYS", () => {
    vi.stubEnv("BOOKING_HORIZON_DAYS", "7");
    expect(isWithinBookingRange("2026-12-08T12:00:00Z", now)).toBe(true);
    expect(isWithinBookingRange("2026-12-12T12:00:00Z", now)).toBe(false);
  });
});

describe("plausible dates", () => {
  it("are from 1900 to ten years ahead", () => {
    expect(isPlausibleDate("1900-01-01", now)).toBe(true);
    expect(isPlausibleDate("2036-11-30", now)).toBe(true);
    expect(isPlausibleDate("1899-12-31", now)).toBe(false);
    expect(isPlausibleDate("9999-12-30", now)).toBe(false);
  });
});
