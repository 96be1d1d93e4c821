import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requireRole } from "@/lib/auth";
import { cancelReasonOptions } from "@/lib/appointments/cancel-words";
import { DISCIPLINES, DISCIPLINE_LABELS } from "@/lib/clinic/disciplines";
import type { GridAppointment } from "@/lib/desk/grid";
import { getDeskCalendarPageData } from "@/lib/desk/views";
import { ROOM_KIND_LABELS, isRoomKind } from "@/lib/rooms/kinds";
import { addDaysIso, clockTime, formatInZone, formatTimeRange, isoInZone, localDate, zonedInstant } from "@/lib/time";
import { PageHeader, LabeledSelect, cn } from "../../_components/ui";
import { DeskNav } from "../desk-nav";
import { DayGrid, type GridBlockView, type GridColumnView } from "./day-grid";
import { WeekGrid } from "./week-grid";
import { weekRows } from "./week-rows";
import { GridLegend, bookHref, marksOf } from "./grid-parts";

export const metadata: Metadata = { title: "Calendar" };

const Query = z.object({
  view: z.enum(["day", "week"]).catch("day").default("day"),
  by: z.enum(["practitioner", "room"]).catch("practitioner").default("practitioner"),
  date: z.iso.date().optional().catch(undefined),
  discipline: z.enum(DISCIPLINES).optional().catch(undefined),
  practitioner: z.uuid().optional().catch(undefined),
  location: z.uuid().optional().catch(undefined),
});

const detailLabel = (detail: string) => (isRoomKind(detail) ? ROOM_KIND_LABELS[detail] : (DISCIPLINE_LABELS[detail as keyof typeof DISCIPLINE_LABELS] ?? detail));

/**
 * The front desk's scheduler: a day as a time grid (a column per practitioner or room, on the location's
 * clock) or a week (a row per practitioner or room, a column per day). Free times lead to booking there;
 * appointments can be dragged to another free time or moved and cancelled from the keyboard.
 */
export default async function CalendarPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireRole("staff", "admin");
  const raw = await searchParams;
  const q = Query.parse(Object.fromEntries(Object.entries(raw).filter(([, v]) => typeof v === "string")));
  const data = await getDeskCalendarPageData({ viewer: user, date: q.date, view: q.view, by: q.by, discipline: q.discipline, practitionerId: q.practitioner, locationId: q.location });
  if (!data) notFound();
  const { locations, location, timeZone: tz, timeZoneLabel, day, start, days } = data;
  const link = (over: Partial<z.infer<typeof Query>>) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...q, date: day, location: location.id, ...over })) if (v) params.set(k, String(v));
    return `/desk/calendar?${params}`;
  };
  const step = q.view === "week" ? 7 : 1;
  const reasons = cancelReasonOptions();
  const blockView = (a: GridAppointment): GridBlockView => ({
    id: a.id,
    patientName: a.patientName,
    serviceName: a.serviceName,
    serviceSlug: a.serviceSlug,
    practitionerId: a.practitionerId,
    status: a.status,
    time: formatTimeRange(a.start, a.end, tz),
    day: localDate(a.start, tz),
    marks: marksOf(a),
    canChange: data.canChange(a),
    offering: data.offeringBySlug[a.serviceSlug] ?? [],
  });
  const dayName = new Map(days.map((d) => [d, formatInZone(zonedInstant(d, "12:00", tz), tz, "EEEE")]));
  const weekView = data.weekGrid ? weekRows(data.weekGrid, tz, detailLabel) : null;
  const toolbarLink = "inline-flex min-h-11 items-center rounded-lg border border-line bg-white px-3 py-2";

  return (
    <>
      <PageHeader
        title="Calendar"
        description={`${q.view === "week" ? `Week of ${formatInZone(zonedInstant(start, "12:00", tz), tz, "MMMM d, yyyy")}` : formatInZone(zonedInstant(day, "12:00", tz), tz, "EEEE, MMMM d, yyyy")} · ${location.name} · times in ${timeZoneLabel}`}
      />
      <DeskNav current="/desk/calendar" />
      <nav aria-label="Calendar period and layout" className="mb-3 flex flex-wrap items-center gap-2">
        <Link href={link({ date: addDaysIso(day, -step) })} className={toolbarLink}>
          ← Previous {q.view}
        </Link>
        <Link href={link({ date: localDate(new Date(), tz) })} className={toolbarLink}>
          Today
        </Link>
        <Link href={link({ date: addDaysIso(day, step) })} className={toolbarLink}>
          Next {q.view} →
        </Link>
        <span className="mx-1 h-6 w-px bg-line" aria-hidden="true" />
        <Link href={link({ view: "day" })} className={cn(toolbarLink, q.view === "day" && "border-brand-600 bg-brand-50 font-semibold")} aria-current={q.view === "day" ? "page" : undefined}>
          Day
        </Link>
        <Link href={link({ view: "week" })} className={cn(toolbarLink, q.view === "week" && "border-brand-600 bg-brand-50 font-semibold")} aria-current={q.view === "week" ? "page" : undefined}>
          Week
        </Link>
        <span className="mx-1 h-6 w-px bg-line" aria-hidden="true" />
        <Link
          href={link({ by: "practitioner" })}
          className={cn(toolbarLink, q.by === "practitioner" && "border-brand-600 bg-brand-50 font-semibold")}
          aria-current={q.by === "practitioner" ? "page" : undefined}
        >
          By practitioner
        </Link>
        <Link href={link({ by: "room" })} className={cn(toolbarLink, q.by === "room" && "border-brand-600 bg-brand-50 font-semibold")} aria-current={q.by === "room" ? "page" : undefined}>
          By room
        </Link>
      </nav>
      <form method="get" className="mb-4 flex flex-wrap items-end gap-2" aria-label="Filter the calendar">
        <input type="hidden" name="view" value={q.view} />
        <input type="hidden" name="by" value={q.by} />
        <input type="hidden" name="date" value={day} />
        <LabeledSelect name="location" label="Location" value={location.id} options={locations.map((l) => ({ value: l.id, label: l.name }))} />
        <LabeledSelect name="discipline" label="Discipline" emptyLabel="All" value={q.discipline} options={DISCIPLINES.map((d) => ({ value: d, label: DISCIPLINE_LABELS[d] }))} />
        <LabeledSelect name="practitioner" label="Practitioner" emptyLabel="Everyone" value={q.practitioner} options={data.practitionersHere.map((p) => ({ value: p.id, label: p.name }))} />
        <button type="submit" className="min-h-11 rounded-lg bg-brand-600 px-4 text-white">
          Show
        </button>
      </form>
      <GridLegend />

      {data.dayGrid ? (
        data.dayGrid.columns.length ? (
          <DayGrid
            caption={`${q.by === "room" ? "Rooms" : "Practitioners"} on ${formatInZone(zonedInstant(day, "12:00", tz), tz, "EEEE, MMMM d")}, times in ${timeZoneLabel}`}
            by={q.by}
            timeZone={tz}
            reasons={reasons}
            canManageTimeOff={user.role === "admin"}
            rows={data.dayGrid.rows.map((r) => ({ time: r.time, label: clockTime(r.start, tz) }))}
            columns={data.dayGrid.columns.map((c): GridColumnView => ({
              id: c.id,
              name: c.name,
              detail: detailLabel(c.detail),
              cells: c.cells.map((cell) =>
                cell.kind === "covered"
                  ? { kind: "covered" }
                  : cell.kind === "block"
                    ? { kind: "block", rowSpan: cell.rowSpan, appointments: cell.appointments.map(blockView) }
                    : {
                        kind: "empty",
                        state: cell.state,
                        note: cell.note,
                        start: isoInZone(cell.start, tz),
                        label: clockTime(cell.start, tz),
                        href: cell.state === "free" ? bookHref({ practitionerId: q.by === "practitioner" ? c.id : null, start: isoInZone(cell.start, tz), locationId: location.id }) : null,
                      },
              ),
            }))}
          />
        ) : (
          <p className="rounded-xl border border-line bg-white p-6 text-muted">
            {q.by === "room" ? "This location has no rooms yet (admins add them under Locations)." : "Nobody works here on this day with these filters."}
          </p>
        )
      ) : null}

      {weekView ? (
        weekView.rows.length ? (
          <WeekGrid
            caption={`${q.by === "room" ? "Rooms" : "Practitioners"}, week of ${formatInZone(zonedInstant(start, "12:00", tz), tz, "MMMM d")}, times in ${timeZoneLabel}`}
            firstHeader={q.by === "room" ? "Room" : "Practitioner"}
            days={days.map((d) => ({ date: d, label: formatInZone(zonedInstant(d, "12:00", tz), tz, "EEE MMM d"), name: dayName.get(d)!, href: link({ view: "day", date: d }) }))}
            services={weekView.services}
            locationId={location.id}
            rows={weekView.rows}
          />
        ) : (
          <p className="rounded-xl border border-line bg-white p-6 text-muted">
            {q.by === "room" ? "This location has no rooms yet (admins add them under Locations)." : "Nobody works here this week with these filters."}
          </p>
        )
      ) : null}
    </>
  );
}
