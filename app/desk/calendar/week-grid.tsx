"use client";

import { escapeHtml } from "@/lib/notifications/html";

/**
 * The scheduler's week as a table: a row per practitioner or room, a cell per day. Fed compact,
 * preformatted tuples (the page's payload carries each entry once, as a few strings), and each cell's
 * lists are written as one escaped HTML string (every text through escapeHtml) rather than thousands of
 * React elements: a busy week holds thousands of entries, and rendering (server and hydration) stays cheap.
 */

/** [appointment id, "9:00–10:00 AM Ana Souza", " · Massage · ⚑ Red flag", status] */
export type WeekEntry = [string, string, string, string];
/** [href, "Free 4:00–5:00 PM"] */
export type WeekFree = [string, string];

export interface WeekCellView {
  date: string;
  state: "off" | "closed" | "working";
  hours: string;
  timeOff: string[];
  entries: WeekEntry[];
  free: WeekFree[];
}

export interface WeekRowView {
  id: string;
  name: string;
  detail: string;
  practitioner: boolean;
  cells: WeekCellView[];
}

/** One cell's appointments as list items: ids and statuses are codes, every text is escaped. */
function entriesHtml(entries: readonly WeekEntry[]): string {
  return entries
    .map(([id, label, rest, status]) => `<li class="wk-entry wk-${escapeHtml(status)}"><a href="/desk/appointments/${escapeHtml(id)}">${escapeHtml(label)}</a>${escapeHtml(rest)}</li>`)
    .join("");
}

/** One cell's free times as links to book there. */
function freeHtml(free: readonly WeekFree[]): string {
  return free.map(([href, label]) => `<li><a href="${escapeHtml(href)}" class="text-xs text-brand-700 underline">${escapeHtml(label)}</a></li>`).join("");
}

export function WeekGrid({
  caption,
  firstHeader,
  days,
  rows,
}: {
  caption: string;
  firstHeader: string;
  days: Array<{ date: string; label: string; name: string; href: string }>;
  rows: WeekRowView[];
}) {
  const nameOf = new Map(days.map((d) => [d.date, d.name]));
  return (
    <div className="overflow-x-auto rounded-xl border border-line bg-white">
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
                <td key={cell.date} className={`p-1.5 align-top${cell.state === "off" ? " bg-slate-100" : cell.state === "closed" ? " bg-red-50" : ""}`}>
                  {cell.state === "off" && row.practitioner ? <span className="text-xs text-slate-700">Not working</span> : null}
                  {cell.state === "closed" ? <span className="text-xs font-medium text-red-900">Closed</span> : null}
                  {cell.hours ? <span className="block text-xs text-slate-700">{cell.hours}</span> : null}
                  {cell.timeOff.map((t) => (
                    <span key={t} className="mt-1 block rounded bg-amber-100 px-1 text-xs text-amber-950">
                      {t}
                    </span>
                  ))}
                  <ul className="mt-1 flex flex-col gap-1" dangerouslySetInnerHTML={{ __html: entriesHtml(cell.entries) }} />
                  {cell.free.length ? <ul className="mt-1 flex flex-col gap-0.5" aria-label={`Free on ${nameOf.get(cell.date)}`} dangerouslySetInnerHTML={{ __html: freeHtml(cell.free) }} /> : null}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
