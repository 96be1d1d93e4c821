import { describe, expect, it } from "vitest";
import { NEW_YORK } from "@/db/testing/zones";
import { formatInZone, localDate, zonedInstant } from "@/lib/time";
import { checkOccurrences, seriesOccurrences } from "./plan";

const NY = NEW_YORK;

describe("a plan of care as a series", () => {
  it("twelve visits Mon/Thu at 08:30 across the March DST change stay at 08:30 local", () => {
    const visits = seriesOccurrences({ weekdays: [1, 4], time: "08:30", startsOn: "2027-02-22", count: 12, timeZone: NY });
    expect(visits).toHaveLength(12);
    expect(visits.map((v) => v.date)).toEqual([
      "2027-02-22",
      "2027-02-25",
      "2027-03-01",
      "2027-03-04",
      "2027-03-08",
      "2027-03-11",
      "2027-03-15",
      "2027-03-18",
      "2027-03-22",
      "2027-03-25",
      "2027-03-29",
      "2027-04-01",
    ]);
    expect(visits.every((v) => v.start && formatInZone(v.start, NY, "HH:mm") === "08:30")).toBe(true);
    // The UTC instant moves by an hour when the clocks do (March 14, 2027).
    expect(visits[5]!.start!.toISOString()).toBe("2027-03-11T13:30:00.000Z");
    expect(visits[6]!.start!.toISOString()).toBe("2027-03-15T12:30:00.000Z");
  });

  it("no weekdays or no visits: nothing; never more than 52", () => {
    expect(seriesOccurrences({ weekdays: [], time: "08:30", startsOn: "2027-01-04", count: 5, timeZone: NY })).toEqual([]);
    expect(seriesOccurrences({ weekdays: [1], time: "08:30", startsOn: "2027-01-04", count: 0, timeZone: NY })).toEqual([]);
    expect(seriesOccurrences({ weekdays: [1, 2, 3, 4, 5], time: "08:30", startsOn: "2027-01-04", count: 80, timeZone: NY })).toHaveLength(52);
  });

  it("a time the clocks skip has no instant that day", () => {
    const [visit] = seriesOccurrences({ weekdays: [7], time: "02:30", startsOn: "2027-03-14", count: 1, timeZone: NY });
    expect(visit!.start).toBeNull();
  });

  it("checks each occurrence: free, or the nearest free times of the same week not taken by the series itself", () => {
    const visits = seriesOccurrences({ weekdays: [1, 4], time: "08:30", startsOn: "2027-01-04", count: 4, timeZone: NY });
    const slot = (date: string, time: string) => ({ practitionerId: "p", start: zonedInstant(date, time, NY), end: zonedInstant(date, time, NY) });
    const slots = [
      slot("2027-01-04", "08:30"),
      slot("2027-01-07", "08:30"),
      slot("2027-01-07", "09:30"),
      slot("2027-01-08", "08:30"),
      slot("2027-01-14", "08:30"),
      slot("2027-01-15", "10:00"),
      slot("2027-01-18", "08:30"),
    ];
    const checked = checkOccurrences(visits, slots, (d) => localDate(d, NY));
    expect(checked.map((c) => c.free)).toEqual([true, true, false, true]);
    // Monday Jan 11 is taken: the same week's free times, not the series' own Thursday, not next week's.
    expect(checked[2]!.alternatives.map((s) => formatInZone(s.start, NY, "EEE HH:mm"))).toEqual(["Fri 10:00"]);
  });
});
