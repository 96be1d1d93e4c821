import { describe, expect, it } from "vitest";
import { appointmentIcs, scheduleIcs, uidOf } from "./ics";

const appt = {
  id: "3f2504e0-4f89-41d3-9a0c-0305e82c3301",
  startsAt: new Date("2026-12-01T14:00:00Z"),
  endsAt: new Date("2026-12-01T15:00:00Z"),
  status: "confirmed",
  summary: "Deep tissue massage (60 min) with Marcus Reyes",
  location: "Backline Spine & Massage, 120 Hudson Street, New York, NY 10013",
};

describe("calendar files", () => {
  it("are RFC 5545 with a stable UID, UTC times, summary and location", () => {
    const raw = appointmentIcs(appt);
    expect(raw.split("\r\n").every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    const ics = raw.replace(/\r\n[ \t]/g, ""); // unfold long lines
    expect(ics.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    expect(ics).toContain("VERSION:2.0");
    expect(ics).toContain(`UID:${uidOf(appt.id)}`);
    expect(ics).toContain("DTSTART:20261201T140000Z");
    expect(ics).toContain("DTEND:20261201T150000Z");
    expect(ics).toContain("SUMMARY:Deep tissue massage (60 min) with Marcus Reyes");
    expect(ics).toMatch(/LOCATION:Backline Spine & Massage\\, 120 Hudson Street\\, New York\\, NY 10013/);
    expect(ics).toContain("STATUS:CONFIRMED");
    expect(appointmentIcs(appt)).toContain(`UID:${uidOf(appt.id)}`);
  });

  it("marks cancelled events and holds many in a feed", () => {
    const feed = scheduleIcs("Schedule", [appt, { ...appt, id: "3f2504e0-4f89-41d3-9a0c-0305e82c3302", status: "cancelled" }]);
    expect(feed.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(feed).toContain("STATUS:CANCELLED");
  });
});
