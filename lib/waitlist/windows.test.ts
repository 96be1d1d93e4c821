import { describe, expect, it } from "vitest";
import { fitsWindows } from "./match";
import { dayPartOf, describeWindows, hoursMeetWindows } from "./windows";

describe("waitlist windows", () => {
  it("puts a local time in its part of the day", () => {
    expect(dayPartOf("08:30")).toBe("morning");
    expect(dayPartOf("11:59")).toBe("morning");
    expect(dayPartOf("12:00")).toBe("afternoon");
    expect(dayPartOf("16:45")).toBe("afternoon");
    expect(dayPartOf("17:00")).toBe("evening");
  });

  it("matches a time on the location's clock, its weekday and the last day", () => {
    const windows = { weekdays: [1, 4], dayParts: ["morning"], until: "2027-03-15" };
    // Monday 2027-03-08 08:30 in Chicago is 14:30 UTC (before the DST change on the 14th).
    expect(fitsWindows(windows, new Date("2027-03-08T14:30:00Z"), "America/Chicago")).toBe(true);
    // The same instant is afternoon in London: not a morning there.
    expect(fitsWindows(windows, new Date("2027-03-08T14:30:00Z"), "Europe/London")).toBe(false);
    // A Tuesday.
    expect(fitsWindows(windows, new Date("2027-03-09T14:30:00Z"), "America/Chicago")).toBe(false);
    // Monday after `until`.
    expect(fitsWindows(windows, new Date("2027-03-22T13:30:00Z"), "America/Chicago")).toBe(false);
  });

  it("refuses windows no working hours ever meet", () => {
    const hours = [
      { weekday: 1, startTime: "08:00", endTime: "12:00" },
      { weekday: 3, startTime: "13:00:00", endTime: "19:00:00" },
    ];
    expect(hoursMeetWindows({ weekdays: [1], dayParts: ["morning"] }, hours)).toBe(true);
    expect(hoursMeetWindows({ weekdays: [3], dayParts: ["evening"] }, hours)).toBe(true);
    expect(hoursMeetWindows({ weekdays: [1], dayParts: ["evening"] }, hours)).toBe(false);
    expect(hoursMeetWindows({ weekdays: [6, 7], dayParts: ["morning", "afternoon", "evening"] }, hours)).toBe(false);
  });

  it("describes the windows in words", () => {
    expect(describeWindows({ weekdays: [4, 1], dayParts: ["evening", "morning"] })).toBe("Mon, Thu · morning, evening");
    expect(describeWindows({ weekdays: [1, 2, 3, 4, 5, 6, 7], dayParts: ["morning", "afternoon", "evening"] })).toBe("Any day · any time");
  });
});
