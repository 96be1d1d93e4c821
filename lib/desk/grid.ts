import type { AppointmentStatus } from "@/lib/appointments/status";
import type { Discipline } from "@/lib/clinic/disciplines";
import type { RoomKind } from "@/lib/rooms/kinds";
import { addDaysIso, isoInZone, isoWeekday, localDate, zonedInstant } from "@/lib/time";
import type { Priority } from "@/lib/triage/red-flags";

/**
 * The desk's scheduler grid as data (pure: no database, unit-tested): a day as rows of wall-clock times
 * on the location's clock against a column per practitioner or per room, each cell off / break / time
 * off / closed / past / free or covered by an appointment block; a week as a row per practitioner or room
 * against a column per day, with the day's hours, appointments and free stretches.
 */

export interface GridHours {
  weekday: number;
  start: string; // "HH:mm" on the location's clock
  end: string;
  breaks: ReadonlyArray<{ start: string; end: string }>;
  from: string;
  until: string | null;
}

export interface GridPractitioner {
  id: string;
  name: string;
  discipline: Discipline;
  hours: GridHours[];
  timeOff: Array<{ start: Date; end: Date; reason: string }>;
  services: string[];
}

export interface GridRoom {
  id: string;
  name: string;
  kind: RoomKind;
}

export interface GridAppointment {
  id: string;
  practitionerId: string;
  roomId: string | null;
  start: Date;
  end: Date;
  blockedFrom: Date;
  blockedUntil: Date;
  status: AppointmentStatus;
  arrived: boolean;
  patientId: string;
  patientName: string;
  serviceSlug: string;
  serviceName: string;
  isHandsOn: boolean;
  priority: Priority | null;
  unclearedFlags: boolean;
}

export interface GridData {
  practitioners: GridPractitioner[];
  rooms: GridRoom[];
  closures: Array<{ start: Date; end: Date; reason: string }>;
  appointments: GridAppointment[];
}

export type GridBy = "practitioner" | "room";
export type CellState = "off" | "break" | "time_off" | "closed" | "past" | "free";

export type GridCell =
  | { kind: "empty"; state: CellState; start: Date; note?: string }
  | { kind: "block"; appointments: GridAppointment[]; rowSpan: number }
  /** Under a block that started in a row above (no cell is rendered). */
  | { kind: "covered" };

export interface GridColumn {
  id: string;
  kind: GridBy;
  name: string;
  /** Discipline or room kind, for the header. */
  detail: string;
  cells: GridCell[];
}

export interface DayGrid {
  date: string;
  stepMinutes: number;
  rows: Array<{ time: string; start: Date }>;
  columns: GridColumn[];
}

interface Span {
  start: number;
  end: number;
  note?: string;
}

const MINUTE = 60_000;
const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
const overlaps = (spans: readonly Span[], start: number, end: number) => spans.find((s) => s.start < end && s.end > start);

/** The hours a practitioner works on a local date (rules in force that weekday). */
export function hoursOn(p: GridPractitioner, date: string): GridHours[] {
  const weekday = isoWeekday(date);
  return p.hours.filter((h) => h.weekday === weekday && h.from <= date && (h.until === null || h.until >= date)).sort((a, b) => minutesOf(a.start) - minutesOf(b.start));
}

/** Wall-clock "date time" → epoch ms in one zone, remembered for one grid (most practitioners share their hours). */
function clockOf(timeZone: string) {
  const seen = new Map<string, number>();
  return (date: string, time: string) => {
    const key = `${date} ${time}`;
    let at = seen.get(key);
    if (at === undefined) seen.set(key, (at = zonedInstant(date, time, timeZone).getTime()));
    return at;
  };
}

/** Working windows and breaks of one practitioner on one date, as instants. */
function windowsOn(p: GridPractitioner, date: string, at: (date: string, time: string) => number) {
  const rules = hoursOn(p, date);
  return {
    windows: rules.map((h) => ({ start: at(date, h.start), end: at(date, h.end) })),
    breaks: rules.flatMap((h) => h.breaks.map((b) => ({ start: at(date, b.start), end: at(date, b.end) }))),
  };
}

const spansOf = (list: ReadonlyArray<{ start: Date; end: Date; reason?: string }>): Span[] => list.map((t) => ({ start: t.start.getTime(), end: t.end.getTime(), note: t.reason || undefined }));

/** The first and last wall-clock minute the day's rows cover: everyone's hours and every appointment, rounded to the step. */
function dayBounds(data: GridData, date: string, timeZone: string, step: number, appointments: readonly GridAppointment[]) {
  let first = Infinity;
  let last = -Infinity;
  for (const p of data.practitioners)
    for (const h of hoursOn(p, date)) {
      first = Math.min(first, minutesOf(h.start));
      last = Math.max(last, minutesOf(h.end));
    }
  for (const a of appointments) {
    if (localDate(a.start, timeZone) === date) first = Math.min(first, minutesOf(isoInZone(a.start, timeZone).slice(11, 16)));
    last = localDate(a.end, timeZone) === date ? Math.max(last, minutesOf(isoInZone(a.end, timeZone).slice(11, 16))) : 24 * 60;
  }
  if (first === Infinity) [first, last] = [8 * 60, 18 * 60];
  return { first: Math.floor(first / step) * step, last: Math.min(24 * 60, Math.ceil(last / step) * step) };
}

/** One local day as rows against columns (see the module comment). `now`: earlier free cells are "past". */
export function buildDayGrid(data: GridData, input: { date: string; timeZone: string; by: GridBy; now: Date; stepMinutes?: number }): DayGrid {
  const { date, timeZone, by } = input;
  const step = input.stepMinutes ?? 15;
  const dayStart = zonedInstant(date, "00:00", timeZone).getTime();
  const dayEnd = zonedInstant(addDaysIso(date, 1), "00:00", timeZone).getTime();
  const todays = data.appointments.filter((a) => a.start.getTime() < dayEnd && a.end.getTime() > dayStart);
  const { first, last } = dayBounds(data, date, timeZone, step, todays);
  const rows: DayGrid["rows"] = [];
  for (let m = first; m < last; m += step) rows.push({ time: hhmm(m), start: zonedInstant(date, hhmm(m), timeZone) });
  const closures = spansOf(data.closures);
  const now = input.now.getTime();

  const column = (id: string, name: string, detail: string, mine: GridAppointment[], stateAt: (start: number, end: number) => { state: CellState; note?: string }): GridColumn => {
    const cells: GridCell[] = [];
    const sorted = [...mine].sort((a, b) => a.start.getTime() - b.start.getTime());
    let coveredUntil = -1;
    rows.forEach((row, i) => {
      if (i <= coveredUntil) return void cells.push({ kind: "covered" });
      const start = row.start.getTime();
      const end = rows[i + 1]?.start.getTime() ?? start + step * MINUTE;
      const starting = sorted.filter((a) => a.start.getTime() < end && a.end.getTime() > start);
      if (starting.length) {
        // The block runs to the last row any of its (overlapping) appointments reaches.
        const group = [...starting];
        let until = Math.max(...group.map((a) => a.end.getTime()));
        for (const a of sorted) {
          if (group.includes(a) || a.start.getTime() >= until || a.start.getTime() < start) continue;
          group.push(a);
          until = Math.max(until, a.end.getTime());
        }
        let lastRow = i;
        while (lastRow + 1 < rows.length && rows[lastRow + 1]!.start.getTime() < until) lastRow++;
        for (const a of group) sorted.splice(sorted.indexOf(a), 1);
        coveredUntil = lastRow;
        return void cells.push({ kind: "block", appointments: group, rowSpan: lastRow - i + 1 });
      }
      const { state, note } = stateAt(start, end);
      cells.push({ kind: "empty", state: state === "free" && start < now ? "past" : state, start: row.start, ...(note ? { note } : {}) });
    });
    return { id, kind: by, name, detail, cells };
  };

  const columns =
    by === "practitioner"
      ? data.practitioners.map((p) => {
          const { windows, breaks } = windowsOn(p, date, clockOf(timeZone));
          const timeOff = spansOf(p.timeOff);
          // Buffers (turnover) keep the practitioner busy too, though no block shows them.
          const busy = todays.filter((a) => a.practitionerId === p.id && a.status !== "no_show").map((a) => ({ start: a.blockedFrom.getTime(), end: a.blockedUntil.getTime() }));
          return column(
            p.id,
            p.name,
            p.discipline,
            todays.filter((a) => a.practitionerId === p.id),
            (start, end) => {
              const closed = overlaps(closures, start, end);
              if (closed) return { state: "closed", note: closed.note };
              if (!windows.some((w) => w.start <= start && w.end >= end)) return { state: "off" };
              const off = overlaps(timeOff, start, end);
              if (off) return { state: "time_off", note: off.note };
              if (overlaps(breaks, start, end)) return { state: "break" };
              if (overlaps(busy, start, end)) return { state: "off" };
              return { state: "free" };
            },
          );
        })
      : data.rooms.map((r) => {
          const busy = todays.filter((a) => a.roomId === r.id && a.status !== "no_show").map((a) => ({ start: a.blockedFrom.getTime(), end: a.blockedUntil.getTime() }));
          return column(
            r.id,
            r.name,
            r.kind,
            todays.filter((a) => a.roomId === r.id),
            (start, end) => {
              const closed = overlaps(closures, start, end);
              if (closed) return { state: "closed", note: closed.note };
              if (overlaps(busy, start, end)) return { state: "off" };
              return { state: "free" };
            },
          );
        });
  return { date, stepMinutes: step, rows, columns };
}

export interface WeekCell {
  date: string;
  /** "off": no hours that day; "closed": the location is closed all of the hours. */
  state: "off" | "closed" | "working";
  /** "9:00 AM–5:00 PM" style ranges of the day's hours (practitioners). */
  hours: Array<{ start: Date; end: Date }>;
  timeOff: Array<{ start: Date; end: Date; note?: string }>;
  appointments: GridAppointment[];
  /** Free stretches of at least one step, from now on. */
  free: Array<{ start: Date; end: Date }>;
}

export interface WeekRow {
  id: string;
  kind: GridBy;
  name: string;
  detail: string;
  cells: WeekCell[];
}

/** The free pieces of one window, at least `min` long, given spans sorted by start (one sweep). */
function subtract(window: Span, sortedSpans: readonly Span[], min: number): Span[] {
  const pieces: Span[] = [];
  let cursor = window.start;
  for (const s of sortedSpans) {
    if (s.end <= cursor) continue;
    if (s.start >= window.end) break;
    if (s.start - cursor >= min) pieces.push({ start: cursor, end: s.start });
    cursor = Math.max(cursor, s.end);
    if (cursor >= window.end) return pieces;
  }
  if (window.end - cursor >= min) pieces.push({ start: cursor, end: window.end });
  return pieces;
}

/** A week (or any run of days): a row per practitioner or room, a cell per day. */
export function buildWeekGrid(data: GridData, input: { days: string[]; timeZone: string; by: GridBy; now: Date; stepMinutes?: number }): { days: string[]; rows: WeekRow[] } {
  const { days, timeZone, by } = input;
  const min = (input.stepMinutes ?? 15) * MINUTE;
  const closures = spansOf(data.closures);
  const nowSpan: Span = { start: -Infinity, end: input.now.getTime() };
  const at = clockOf(timeZone);
  // Each appointment filed once under its owner (practitioner or room) and local day, and its blocked
  // time under its practitioner: thousands in a busy week, so no per-row or per-cell scans. The days'
  // starts (and the last one's end) as instants: a day is found by comparing numbers, not by formatting.
  const edges = [...days.map((d) => zonedInstant(d, "00:00", timeZone).getTime()), zonedInstant(addDaysIso(days.at(-1)!, 1), "00:00", timeZone).getTime()];
  const byOwner = new Map<string, GridAppointment[][]>();
  const busyOf = new Map<string, Span[]>();
  for (const a of data.appointments) {
    if (a.status !== "no_show") {
      let busy = busyOf.get(a.practitionerId);
      if (!busy) busyOf.set(a.practitionerId, (busy = []));
      busy.push({ start: a.blockedFrom.getTime(), end: a.blockedUntil.getTime() });
    }
    const owner = by === "practitioner" ? a.practitionerId : a.roomId;
    const t = a.start.getTime();
    let i = 0;
    while (i < days.length && t >= edges[i + 1]!) i++;
    if (owner === null || t < edges[0]! || i === days.length) continue;
    let perDay = byOwner.get(owner);
    if (!perDay) byOwner.set(owner, (perDay = days.map(() => [])));
    perDay[i]!.push(a);
  }
  const appointmentsOf = (owner: string) => byOwner.get(owner) ?? days.map(() => []);
  const rows: WeekRow[] =
    by === "practitioner"
      ? data.practitioners.map((p) => {
          const timeOff = spansOf(p.timeOff);
          const perDay = appointmentsOf(p.id);
          const alwaysBlocked = [...timeOff, ...closures, ...(busyOf.get(p.id) ?? []), nowSpan];
          return {
            id: p.id,
            kind: by,
            name: p.name,
            detail: p.discipline,
            cells: days.map((date, i) => {
              const { windows, breaks } = windowsOn(p, date, at);
              // The day's breaks with whatever else blocks that day, in start order.
              const first = Math.min(...windows.map((w) => w.start));
              const last = Math.max(...windows.map((w) => w.end));
              const blocked = windows.length ? [...breaks, ...alwaysBlocked.filter((b) => b.start < last && b.end > first)].sort((a, b) => a.start - b.start) : [];
              const free = windows.flatMap((w) => subtract(w, blocked, min)).map((s) => ({ start: new Date(s.start), end: new Date(s.end) }));
              const closedAll = windows.length > 0 && windows.every((w) => closures.some((c) => c.start <= w.start && c.end >= w.end));
              return {
                date,
                state: windows.length === 0 ? "off" : closedAll ? "closed" : "working",
                hours: windows.map((w) => ({ start: new Date(w.start), end: new Date(w.end) })),
                timeOff: timeOff.filter((t) => windows.some((w) => t.start < w.end && t.end > w.start)).map((t) => ({ start: new Date(t.start), end: new Date(t.end), note: t.note })),
                appointments: perDay[i]!,
                free,
              } satisfies WeekCell;
            }),
          };
        })
      : data.rooms.map((r) => {
          const perDay = appointmentsOf(r.id);
          return {
            id: r.id,
            kind: by,
            name: r.name,
            detail: r.kind,
            cells: days.map((date, i) => {
              const dayStart = zonedInstant(date, "00:00", timeZone).getTime();
              const closedAll = closures.some((c) => c.start <= dayStart && c.end >= zonedInstant(addDaysIso(date, 1), "00:00", timeZone).getTime());
              return { date, state: closedAll ? "closed" : "working", hours: [], timeOff: [], appointments: perDay[i]!, free: [] } satisfies WeekCell;
            }),
          };
        });
  return { days, rows };
}
