import type { WeekRow } from "@/lib/desk/grid";
import { formatTimeRange, isoInZone } from "@/lib/time";
import { marksOf } from "./grid-parts";
import type { WeekRowView } from "./week-grid";
import { packEntries } from "./week-pack";

/**
 * The week grid's rows as the compact view the table renders: times on the location's clock, each
 * service named once in `services` (entries carry its index), marks only where there are some.
 */
export function weekRows(grid: { rows: WeekRow[] }, timeZone: string, detailLabel: (detail: string) => string): { services: string[]; rows: WeekRowView[] } {
  const services: string[] = [];
  const serviceIndex = new Map<string, number>();
  const indexOf = (name: string) => {
    let i = serviceIndex.get(name);
    if (i === undefined) serviceIndex.set(name, (i = services.push(name) - 1));
    return i;
  };
  const rows = grid.rows.map((row): WeekRowView => ({
    id: row.id,
    name: row.name,
    detail: detailLabel(row.detail),
    practitioner: row.kind === "practitioner",
    cells: row.cells.map((cell) => ({
      date: cell.date,
      state: cell.state,
      hours: cell.hours.map((h) => formatTimeRange(h.start, h.end, timeZone)).join(", "),
      timeOff: cell.timeOff.map((t) => `Time off ${formatTimeRange(t.start, t.end, timeZone)}${t.note ? ` · ${t.note}` : ""}`),
      entries: packEntries(
        cell.appointments.map((a) => ({
          id: a.id,
          label: `${formatTimeRange(a.start, a.end, timeZone)} ${a.patientName}`,
          service: indexOf(a.serviceName),
          status: a.status,
          marks: marksOf(a).join(" · "),
        })),
      ),
      free: cell.free.map((f) => [isoInZone(f.start, timeZone), `Free ${formatTimeRange(f.start, f.end, timeZone)}`]),
    })),
  }));
  return { services, rows };
}
