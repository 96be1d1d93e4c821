"use client";

import { escapeHtml } from "@/lib/notifications/html";
import { cn } from "../../_components/ui";
import { bookHref } from "./grid-parts";
import { unpackEntries, type WeekEntries } from "./week-pack";

/**
 * The scheduler's week as a table: a row per practitioner or room, a cell per day. A busy week holds
 * thousands of entries, and the page carries each of them twice (in the HTML and in the payload React
 * hydrates from), so the props are compact tuples (the service as an index into `services`, the free
 * time's booking link built here), and each cell's lists are written as one escaped HTML string (every
 * text through escapeHtml) rather than thousands of React elements.
 */

/** [start on the location's clock (ISO with offset), "Free 4:00–5:00 PM"] */
export type WeekFree = [start: string, label: string];

export interface WeekCellView {
  date: string;
  state: "off" | "closed" | "working";
  hours: string;
  timeOff: string[];
  entries: WeekEntries;
  free: WeekFree[];
}

export interface WeekRowView {
  id: string;
  name: string;
  detail: string;
  practitioner: boolean;
  cells: WeekCellView[];
}

/** One cell's appointments as list items (services already escaped): every text is escaped, ids and statuses too. */
function entriesHtml(packed: WeekEntries, services: readonly string[]): string {
  let html = "";
  for (const { id, label, service, status, marks } of unpackEntries(packed)) {
    html += `<li class="wk-${escapeHtml(status)}"><a href="/desk/appointments/${escapeHtml(id)}">${escapeHtml(label)}</a> · ${services[service] ?? ""}${marks ? ` · ${escapeHtml(marks)}` : ""}</li>`;
  }
  return html;
}

/** One cell's free times as links to book there (for this practitioner, at this location). */
function freeHtml(free: readonly WeekFree[], practitionerId: string, locationId: string): string {
  return free.map(([start, label]) => `<li><a href="${escapeHtml(bookHref({ practitionerId, start, locationId }))}" class="text-xs text-brand-700 underline">${escapeHtml(label)}</a></li>`).join("");
}

export function WeekGrid({
  caption,
  firstHeader,
  days,
  services,
  locationId,
  rows,
}: {
  caption: string;
  firstHeader: string;
  days: Array<{ date: string; label: string; name: string; href: string }>;
  services: string[];
  locationId: string;
  rows: WeekRowView[];
}) {
  const nameOf = new Map(days.map((d) => [d.date, d.name]));
  const serviceHtml = services.map(escapeHtml);
  return (
    <div role="region" aria-label={caption} tabIndex={0} className="overflow-x-auto rounded-xl border border-line bg-white focus-visible:outline-3 focus-visible:outline-brand-600">
      <table className="w-full min-w-[56rem] border-collapse text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="bg-slate-50">
            <th scope="col" className="w-44 p-2">
              {firstHeader}
            </th>
            {days.map((d) => (
              <th key={d.date} scope="col" className="p-2">
                <a href={d.href} className="text-brand-700 underline">
                  {d.label}
                </a>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className="border-t border-line">
              <th scope="row" className="p-2 align-top font-medium">
                {row.name}
                <span className="block text-xs font-normal text-muted">{row.detail}</span>
              </th>
              {row.cells.map((cell) => (
                <td key={cell.date} className={cn("p-1.5 align-top", cell.state === "off" && "bg-slate-100", cell.state === "closed" && "bg-red-50")}>
                  {cell.state === "off" && row.practitioner ? <span className="text-xs text-slate-700">Not working</span> : null}
                  {cell.state === "closed" ? <span className="text-xs font-medium text-red-900">Closed</span> : null}
                  {cell.hours ? <span className="block text-xs text-slate-700">{cell.hours}</span> : null}
                  {cell.timeOff.map((t) => (
                    <span key={t} className="mt-1 block rounded bg-amber-100 px-1 text-xs text-amber-950">
                      {t}
                    </span>
                  ))}
                  <ul className="wk mt-1 flex flex-col gap-1" dangerouslySetInnerHTML={{ __html: entriesHtml(cell.entries, serviceHtml) }} />
                  {cell.free.length ? (
                    <ul className="mt-1 flex flex-col gap-0.5" aria-label={`Free on ${nameOf.get(cell.date)}`} dangerouslySetInnerHTML={{ __html: freeHtml(cell.free, row.id, locationId) }} />
                  ) : null}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
