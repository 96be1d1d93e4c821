import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requireRole } from "@/lib/auth";
import { toWeeklyForm } from "@/lib/clinic/hours";
import { DISCIPLINE_LABELS } from "@/lib/clinic/disciplines";
import { addRecurringTimeOffAction, addTimeOffAction, removeTimeOffAction, removeTimeOffSeriesAction } from "@/lib/clinic/actions";
import { WEEKDAY_LONG, WEEKDAY_SHORT } from "@/lib/clinic/weekdays";
import { describeTimeZone, formatDateTime, formatInZone, localDate, zonedInstant } from "@/lib/time";
import { ActionForm, FieldError } from "../../../_components/action-form";
import { AppointmentsInside } from "../../appointments-inside";
import { Alert, Card, CardTitle, PageHeader, inputClass } from "../../../_components/ui";
import { AdminNav } from "../../admin-nav";
import { HoursForm } from "./hours-form";
import { getPractitionerPageData } from "@/lib/admin/views";

export const metadata: Metadata = { title: "Working hours" };

export default async function PractitionerHoursPage({ params }: { params: Promise<{ id: string }> }) {
  await requireRole("admin");
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const data = await getPractitionerPageData({ practitionerId: id });
  if (!data) notFound();
  const { practitioner, locations, hours, timeOff, timeOffSeries, timeOffZone } = data;
  const dayOf = (date: string) => formatInZone(zonedInstant(date, "12:00", timeOffZone), timeOffZone, "EEE, MMM d, yyyy");
  const location = locations.find((l) => hours.some((h) => h.locationId === l.id)) ?? locations.find((l) => l.id === practitioner.locationId) ?? locations[0];
  if (!location) return <Alert tone="warning">Add a location first.</Alert>;
  const today = localDate(new Date(), location.timeZone);
  return (
    <>
      <PageHeader title={`Working hours: ${practitioner.displayName}`} description={`${DISCIPLINE_LABELS[practitioner.discipline]} · times are local to ${location.name} (${location.timeZone}).`} />
      <AdminNav current="/admin/practitioners" />
      <HoursForm
        defaults={{ practitionerId: practitioner.id, locationId: location.id, effectiveFrom: today, days: toWeeklyForm(hours, today, location.id) }}
        locations={locations.map((l) => ({ id: l.id, name: l.name }))}
        today={today}
      />
      <Card className="mt-8 max-w-2xl">
        <CardTitle>Time off</CardTitle>
        <p className="mb-3 text-sm text-muted">Holidays, courses, sick days: no free times are offered inside. Booked appointments are listed here for the desk to move — nothing is cancelled.</p>
        {timeOff.length ? (
          <ul className="mb-4 flex flex-col gap-3" aria-label="Upcoming time off">
            {timeOff.map((t) => (
              <li key={t.id} className="rounded-lg border border-line p-3">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <span>
                    {formatDateTime(t.startsAt, timeOffZone)} – {formatDateTime(t.endsAt, timeOffZone)}
                    {t.reason ? <span className="text-muted"> · {t.reason}</span> : null}
                  </span>
                  <ActionForm action={removeTimeOffAction} submitLabel="Remove" variant="secondary" inline>
                    <input type="hidden" name="id" value={t.id} />
                  </ActionForm>
                </div>
                <AppointmentsInside inside={t.inside} />
              </li>
            ))}
          </ul>
        ) : (
          <p className="mb-4">No time off planned.</p>
        )}
        <ActionForm action={addTimeOffAction} submitLabel="Add time off" success="Added. Anything booked inside is listed above.">
          <input type="hidden" name="practitionerId" value={practitioner.id} />
          <div className="grid gap-3 sm:grid-cols-2">
            <label className="flex flex-col gap-1">
              From ({describeTimeZone(timeOffZone)})
              <input type="datetime-local" name="from" step={900} className={inputClass} />
              <FieldError name="from" />
            </label>
            <label className="flex flex-col gap-1">
              Until
              <input type="datetime-local" name="to" step={900} className={inputClass} />
              <FieldError name="to" />
            </label>
          </div>
          <label className="flex flex-col gap-1">
            Reason (staff only, optional)
            <input name="reason" maxLength={200} className={inputClass} />
          </label>
          <FieldError name="reason" />
        </ActionForm>
        <h3 className="mt-8 mb-2 text-lg font-semibold">Every week</h3>
        <p className="mb-3 text-sm text-muted">
          The same hours on chosen weekdays, up to a year ahead, on the {describeTimeZone(timeOffZone)} clock (13:00 stays 13:00 when the clocks change). Removing it removes the weeks still to come;
          past ones stay on record.
        </p>
        {timeOffSeries.length ? (
          <ul className="mb-4 flex flex-col gap-3" aria-label="Weekly time off">
            {timeOffSeries.map((s) => (
              <li key={s.id} className="rounded-lg border border-line p-3">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <span>
                    Every {s.weekdays.map((d) => WEEKDAY_LONG[d]).join(", ")}, {s.startTime}–{s.endTime}, {dayOf(s.firstDate)} – {dayOf(s.lastDate)}
                    <span className="text-muted">
                      {" "}
                      · {s.occurrences} to come{s.reason ? ` · ${s.reason}` : ""}
                    </span>
                  </span>
                  <ActionForm action={removeTimeOffSeriesAction} submitLabel="Remove the weeks to come" variant="secondary" inline>
                    <input type="hidden" name="seriesId" value={s.id} />
                  </ActionForm>
                </div>
                <AppointmentsInside inside={s.inside} />
              </li>
            ))}
          </ul>
        ) : null}
        <ActionForm action={addRecurringTimeOffAction} submitLabel="Add weekly time off" success="Added. Anything booked inside is listed above.">
          <input type="hidden" name="practitionerId" value={practitioner.id} />
          <fieldset className="flex flex-col gap-1">
            <legend className="mb-1">Weekdays</legend>
            <div className="flex flex-wrap gap-3">
              {[1, 2, 3, 4, 5, 6, 7].map((d) => (
                <label key={d} className="flex min-h-11 items-center gap-2">
                  <input type="checkbox" name="weekdays" value={d} className="h-5 w-5 accent-brand-600" />
                  <span aria-hidden="true">{WEEKDAY_SHORT[d]}</span>
                  <span className="sr-only">{WEEKDAY_LONG[d]}</span>
                </label>
              ))}
            </div>
            <FieldError name="weekdays" />
          </fieldset>
          <div className="grid gap-3 sm:grid-cols-2">
            <label className="flex flex-col gap-1">
              From ({describeTimeZone(timeOffZone)})
              <input type="time" name="startTime" step={900} className={inputClass} />
              <FieldError name="startTime" />
            </label>
            <label className="flex flex-col gap-1">
              To
              <input type="time" name="endTime" step={900} className={inputClass} />
              <FieldError name="endTime" />
            </label>
            <label className="flex flex-col gap-1">
              First day
              <input type="date" name="fromDate" defaultValue={today} className={inputClass} />
              <FieldError name="fromDate" />
            </label>
            <label className="flex flex-col gap-1">
              Last day (at most a year later)
              <input type="date" name="untilDate" className={inputClass} />
              <FieldError name="untilDate" />
            </label>
          </div>
          <label className="flex flex-col gap-1">
            Reason (staff only, optional)
            <input name="reason" maxLength={200} className={inputClass} />
          </label>
          <FieldError name="reason" />
        </ActionForm>
      </Card>
    </>
  );
}
