import { describe, expect, it } from "vitest";
import { zonedInstant } from "@/lib/time";
import { buildDayGrid, buildWeekGrid, type GridAppointment, type GridData } from "./grid";

const TZ = "America/Chicago";
const DAY = "2026-12-09"; // a Wednesday
const at = (time: string, date = DAY) => zonedInstant(date, time, TZ);
const EARLY = new Date("2026-12-01T00:00:00Z");

function appointment(over: Partial<GridAppointment> & Pick<GridAppointment, "id" | "practitionerId">, start: string, end: string, bufferAfter = 0): GridAppointment {
  return {
    roomId: null,
    start: at(start),
    end: at(end),
    blockedFrom: at(start),
    blockedUntil: new Date(at(end).getTime() + bufferAfter * 60_000),
    status: "confirmed",
    arrived: false,
    patientId: `patient-${over.id}`,
    patientName: `Patient ${over.id}`,
    serviceSlug: "massage",
    serviceName: "Massage",
    isHandsOn: true,
    priority: "routine",
    unclearedFlags: false,
    ...over,
  };
}

function data(over: Partial<GridData> = {}): GridData {
  return {
    practitioners: [
      {
        id: "ada",
        name: "Ada",
        discipline: "massage_therapist",
        services: ["massage"],
        timeOff: [],
        hours: [{ weekday: 3, start: "09:00", end: "17:00", breaks: [{ start: "12:00", end: "12:30" }], from: "2026-01-01", until: null }],
      },
      { id: "bo", name: "Bo", discipline: "massage_therapist", services: ["massage"], timeOff: [], hours: [{ weekday: 3, start: "10:00", end: "14:00", breaks: [], from: "2026-01-01", until: null }] },
    ],
    rooms: [{ id: "room-1", name: "Massage room 1", kind: "massage" }],
    closures: [],
    appointments: [],
    ...over,
  };
}

const stateAt = (grid: ReturnType<typeof buildDayGrid>, column: string, time: string) => {
  const row = grid.rows.findIndex((r) => r.time === time);
  const cell = grid.columns.find((c) => c.id === column)!.cells[row]!;
  return cell.kind === "empty" ? cell.state : cell.kind;
};

describe("the scheduler's day grid", () => {
  it("spans everyone's hours on the location's clock, a column per practitioner, shading hours and breaks", () => {
    const grid = buildDayGrid(data(), { date: DAY, timeZone: TZ, by: "practitioner", now: EARLY });
    expect(grid.rows[0]!.time).toBe("09:00");
    expect(grid.rows.at(-1)!.time).toBe("16:45");
    expect(grid.rows[0]!.start).toEqual(at("09:00"));
    expect(grid.columns.map((c) => c.name)).toEqual(["Ada", "Bo"]);
    expect(stateAt(grid, "ada", "09:00")).toBe("free");
    expect(stateAt(grid, "ada", "12:15")).toBe("break");
    expect(stateAt(grid, "bo", "09:45")).toBe("off");
    expect(stateAt(grid, "bo", "14:00")).toBe("off");
    expect(stateAt(grid, "bo", "13:45")).toBe("free");
  });

  it("places an appointment as one block spanning its rows; its buffer keeps the next row busy", () => {
    const grid = buildDayGrid(data({ appointments: [appointment({ id: "a1", practitionerId: "ada" }, "10:00", "11:00", 15)] }), { date: DAY, timeZone: TZ, by: "practitioner", now: EARLY });
    const ada = grid.columns.find((c) => c.id === "ada")!;
    const row = grid.rows.findIndex((r) => r.time === "10:00");
    expect(ada.cells[row]).toMatchObject({ kind: "block", rowSpan: 4 });
    expect(ada.cells.slice(row + 1, row + 4).every((c) => c.kind === "covered")).toBe(true);
    expect(stateAt(grid, "ada", "11:00")).toBe("off"); // turnover: not offered as free
    expect(stateAt(grid, "ada", "11:15")).toBe("free");
  });

  it("groups overlapping appointments of one column into one block (a no-show and the visit booked over it)", () => {
    const grid = buildDayGrid(
      data({
        appointments: [appointment({ id: "n", practitionerId: "ada", status: "no_show" }, "10:00", "11:00"), appointment({ id: "b", practitionerId: "ada" }, "10:30", "11:30")],
      }),
      { date: DAY, timeZone: TZ, by: "practitioner", now: EARLY },
    );
    const cell = grid.columns[0]!.cells[grid.rows.findIndex((r) => r.time === "10:00")]!;
    expect(cell).toMatchObject({ kind: "block", rowSpan: 6 });
    expect(cell.kind === "block" && cell.appointments.map((a) => a.id)).toEqual(["n", "b"]);
  });

  it("shows time off and closures with their reasons, and earlier times as past", () => {
    const grid = buildDayGrid(
      data({
        practitioners: data().practitioners.map((p) => (p.id === "ada" ? { ...p, timeOff: [{ start: at("14:00"), end: at("17:00"), reason: "Dentist" }] } : p)),
        closures: [{ start: at("00:00", "2026-12-10"), end: at("00:00", "2026-12-11"), reason: "Holiday" }],
      }),
      { date: DAY, timeZone: TZ, by: "practitioner", now: at("10:05") },
    );
    expect(stateAt(grid, "ada", "14:30")).toBe("time_off");
    expect(grid.columns[0]!.cells[grid.rows.findIndex((r) => r.time === "14:30")]).toMatchObject({ note: "Dentist" });
    expect(stateAt(grid, "ada", "10:00")).toBe("past");
    expect(stateAt(grid, "ada", "10:15")).toBe("free");
    const closed = buildDayGrid(data({ closures: [{ start: at("00:00"), end: at("00:00", "2026-12-10"), reason: "Holiday" }] }), { date: DAY, timeZone: TZ, by: "practitioner", now: EARLY });
    expect(closed.columns.flatMap((c) => c.cells).every((c) => c.kind === "empty" && c.state === "closed")).toBe(true);
  });

  it("by room: a column per room, appointments by the room they hold", () => {
    const grid = buildDayGrid(
      data({ appointments: [appointment({ id: "r", practitionerId: "bo", roomId: "room-1" }, "11:00", "12:00"), appointment({ id: "x", practitionerId: "ada" }, "09:00", "10:00")] }),
      {
        date: DAY,
        timeZone: TZ,
        by: "room",
        now: EARLY,
      },
    );
    expect(grid.columns.map((c) => c.name)).toEqual(["Massage room 1"]);
    const blocks = grid.columns[0]!.cells.filter((c) => c.kind === "block");
    expect(blocks).toHaveLength(1);
    expect(stateAt(grid, "room-1", "09:00")).toBe("free");
  });

  it("keeps wall-clock rows on a DST day (the rows are local times, the instants move)", () => {
    const dst = "2026-03-08"; // a Sunday: clocks go forward at 02:00 in Chicago
    const sunday = data({
      practitioners: [
        { id: "ada", name: "Ada", discipline: "massage_therapist", services: [], timeOff: [], hours: [{ weekday: 7, start: "09:00", end: "11:00", breaks: [], from: "2026-01-01", until: null }] },
      ],
    });
    const grid = buildDayGrid(sunday, { date: dst, timeZone: TZ, by: "practitioner", now: EARLY });
    expect(grid.rows.map((r) => r.time)).toEqual(["09:00", "09:15", "09:30", "09:45", "10:00", "10:15", "10:30", "10:45"]);
    expect(grid.rows[0]!.start.toISOString()).toBe("2026-03-08T14:00:00.000Z"); // CDT, UTC-5
  });
});

describe("the scheduler's week grid", () => {
  it("a row per practitioner, a cell per day with hours, appointments and free stretches", () => {
    const days = ["2026-12-07", "2026-12-08", "2026-12-09"];
    const week = buildWeekGrid(data({ appointments: [appointment({ id: "a1", practitionerId: "bo" }, "11:00", "12:00")] }), { days, timeZone: TZ, by: "practitioner", now: EARLY });
    const bo = week.rows.find((r) => r.id === "bo")!;
    expect(bo.cells.map((c) => c.state)).toEqual(["off", "off", "working"]);
    const wednesday = bo.cells[2]!;
    expect(wednesday.appointments.map((a) => a.id)).toEqual(["a1"]);
    expect(wednesday.free.map((f) => [f.start, f.end])).toEqual([
      [at("10:00"), at("11:00")],
      [at("12:00"), at("14:00")],
    ]);
    const ada = week.rows.find((r) => r.id === "ada")!.cells[2]!;
    expect(ada.free.map((f) => [f.start, f.end])).toEqual([
      [at("09:00"), at("12:00")],
      [at("12:30"), at("17:00")],
    ]);
  });

  it("a closed day is closed; nothing before now is offered", () => {
    const week = buildWeekGrid(data({ closures: [{ start: at("00:00"), end: at("00:00", "2026-12-10"), reason: "" }] }), { days: [DAY], timeZone: TZ, by: "practitioner", now: EARLY });
    expect(week.rows.map((r) => r.cells[0]!.state)).toEqual(["closed", "closed"]);
    expect(week.rows.flatMap((r) => r.cells[0]!.free)).toEqual([]);
    const later = buildWeekGrid(data(), { days: [DAY], timeZone: TZ, by: "practitioner", now: at("15:00") });
    expect(later.rows.find((r) => r.id === "ada")!.cells[0]!.free.map((f) => [f.start, f.end])).toEqual([[at("15:00"), at("17:00")]]);
  });

  it("files each appointment under its local day (late evening and across a clock change), by practitioner and by room", () => {
    // Sunday 2026-03-08 the clocks go forward in Chicago; 23:30 local is already the next day in UTC.
    const days = ["2026-03-07", "2026-03-08", "2026-03-09"];
    const late = (id: string, date: string, roomId: string | null) => ({
      ...appointment({ id, practitionerId: "ada", roomId }, "09:00", "10:00"),
      start: zonedInstant(date, "23:30", TZ),
      end: zonedInstant(days.includes(date) && date !== "2026-03-09" ? days[days.indexOf(date) + 1]! : "2026-03-10", "00:15", TZ),
    });
    const input = data({
      appointments: [late("sat", "2026-03-07", "room-1"), late("sun", "2026-03-08", "room-1"), late("mon", "2026-03-09", null), late("outside", "2026-03-10", "room-1")],
    });
    const week = buildWeekGrid(input, { days, timeZone: TZ, by: "practitioner", now: EARLY });
    expect(week.rows.find((r) => r.id === "ada")!.cells.map((c) => c.appointments.map((a) => a.id))).toEqual([["sat"], ["sun"], ["mon"]]);
    const rooms = buildWeekGrid(input, { days, timeZone: TZ, by: "room", now: EARLY });
    expect(rooms.rows[0]!.cells.map((c) => c.appointments.map((a) => a.id))).toEqual([["sat"], ["sun"], []]);
  });
});
