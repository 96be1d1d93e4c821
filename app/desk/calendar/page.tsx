import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { requireRole } from "@/lib/auth";
import { DISCIPLINES, DISCIPLINE_LABELS } from "@/lib/clinic/disciplines";
import { getDeskCalendarPageData } from "@/lib/desk/views";
import { addDaysIso, formatInZone, localDate, zonedInstant } from "@/lib/time";
import { StatusBadge } from "../../_components/appointments";
import { EmptyState, PageHeader, LabeledSelect } from "../../_components/ui";
import { DeskNav } from "../desk-nav";

export const metadata: Metadata = { title: "Calendar" };

const Query = z.object({
  view: z.enum(["day", "week"]).catch("day").default("day"),
  date: z.iso.date().optional().catch(undefined),
  discipline: z.enum(DISCIPLINES).optional().catch(undefined),
  location: z.uuid().optional().catch(undefined),
});

/** Every practitioner's appointments for a day or a week, filtered by discipline and location. */
export default async function CalendarPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireRole("staff", "admin");
  const raw = await searchParams;
  const q = Query.parse(Object.fromEntries(Object.entries(raw).filter(([, v]) => typeof v === "string")));
  const {
    locations,
    locationId,
    timeZone: tz,
    timeZoneLabel,
    day,
    start,
    days,
    items,
  } = await getDeskCalendarPageData({ viewer: user, date: q.date, view: q.view, discipline: q.discipline, locationId: q.location });
  const practitioners = [...new Map(items.map((i) => [i.practitionerId, { id: i.practitionerId, name: i.practitionerName, discipline: i.practitionerDiscipline }])).values()];
  const link = (over: Partial<z.infer<typeof Query>>) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...q, date: day, location: locationId ?? undefined, ...over })) if (v) params.set(k, String(v));
    return `/desk/calendar?${params}`;
  };
  const step = q.view === "week" ? 7 : 1;

  return (
    <>
      <PageHeader
        title="Calendar"
        description={`${q.view === "week" ? `Week of ${start}` : formatInZone(zonedInstant(day, "12:00", tz), tz, "EEEE, MMMM d, yyyy")} · ${locations.find((l) => l.id === locationId)?.name ?? ""} · times in ${timeZoneLabel}`}
      />
      <DeskNav current="/desk/calendar" />
      <div className="mb-4 flex flex-wrap items-end gap-3">
        <Link href={link({ date: addDaysIso(day, -step) })} className="min-h-11 rounded-lg border border-line bg-white px-3 py-2">
          ← Previous
        </Link>
        <Link href={link({ date: localDate(new Date(), tz) })} className="min-h-11 rounded-lg border border-line bg-white px-3 py-2">
          Today
        </Link>
        <Link href={link({ date: addDaysIso(day, step) })} className="min-h-11 rounded-lg border border-line bg-white px-3 py-2">
          Next →
        </Link>
        <Link href={link({ view: q.view === "week" ? "day" : "week" })} className="min-h-11 rounded-lg border border-line bg-white px-3 py-2">
          {q.view === "week" ? "Day view" : "Week view"}
        </Link>
        <form method="get" className="flex flex-wrap items-end gap-2" aria-label="Filter the calendar">
          <input type="hidden" name="view" value={q.view} />
          <input type="hidden" name="date" value={day} />
          <LabeledSelect name="discipline" label="Discipline" emptyLabel="All" value={q.discipline} options={DISCIPLINES.map((d) => ({ value: d, label: DISCIPLINE_LABELS[d] }))} />
          <LabeledSelect name="location" label="Location" value={locationId ?? undefined} options={locations.map((l) => ({ value: l.id, label: l.name }))} />
          <button type="submit" className="min-h-11 rounded-lg bg-brand-600 px-4 text-white">
            Show
          </button>
        </form>
      </div>
      {practitioners.length ? (
        <div className="overflow-x-auto rounded-xl border border-line bg-white">
          <table className="w-full border-collapse text-left text-sm [&_td]:border-t [&_td]:border-line [&_td]:p-2 [&_td]:align-top [&_th]:bg-slate-50 [&_th]:p-2">
            <caption className="sr-only">Appointments by practitioner</caption>
            <thead>
              <tr>
                <th scope="col">Practitioner</th>
                {days.map((d) => (
                  <th key={d} scope="col">
                    {formatInZone(zonedInstant(d, "12:00", tz), tz, "EEE MMM d")}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {practitioners.map((p) => (
                <tr key={p.id}>
                  <th scope="row" className="font-medium">
                    {p.name}
                    <span className="block text-xs text-muted">{DISCIPLINE_LABELS[p.discipline]}</span>
                  </th>
                  {days.map((d) => (
                    <td key={d}>
                      <ul className="flex flex-col gap-1">
                        {items
                          .filter((i) => i.practitionerId === p.id && localDate(i.startsAt, tz) === d)
                          .map((i) => (
                            <li key={i.id} className="rounded bg-brand-50 p-1">
                              <span className="font-medium">
                                {formatInZone(i.startsAt, tz, "h:mm")}–{formatInZone(i.endsAt, tz, "h:mm a")}
                              </span>{" "}
                              {i.patientName} · {i.serviceName} <StatusBadge status={i.status} />
                            </li>
                          ))}
                      </ul>
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <EmptyState>No appointments in this period.</EmptyState>
      )}
    </>
  );
}
