"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { bookSeriesAction, checkSeriesAction } from "@/lib/series/actions";
import { callAction } from "../../_components/forms";
import { dayLabel, timeLabel } from "../../_components/slot-picker";
import { Alert, Button, Card, CardTitle, inputClass } from "../../_components/ui";

type Checked = { date: string; start: string | null; free: boolean; alternatives: Array<{ practitionerId: string; start: string; end: string }> };
const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/**
 * Book a plan of care as a series: service, practitioner, days of the week, time, first day and number of
 * visits; "Check the dates" shows every visit free or taken (with that week's nearest free times to pick
 * instead, or skip); "Book" books the chosen ones in one step.
 */
export function SeriesCard({
  caseId,
  services,
  practitioners,
}: {
  caseId: string;
  services: Array<{ slug: string; name: string }>;
  practitioners: Array<{ id: string; name: string; services: string[] }>;
}) {
  const router = useRouter();
  const [service, setService] = useState("");
  const [practitionerId, setPractitionerId] = useState("");
  const [weekdays, setWeekdays] = useState<number[]>([]);
  const [time, setTime] = useState("08:30");
  const [startsOn, setStartsOn] = useState("");
  const [count, setCount] = useState("12");
  const [checked, setChecked] = useState<{ timeZone: string; occurrences: Checked[] } | null>(null);
  const [choice, setChoice] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ tone: "danger" | "success"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const offering = practitioners.filter((p) => p.services.includes(service));
  const pattern = { caseId, service, practitionerId, weekdays, time, startsOn, count: Number(count) };

  async function check() {
    setBusy(true);
    setMessage(null);
    const result = await callAction(() => checkSeriesAction(pattern));
    setBusy(false);
    if (!result.ok) {
      setChecked(null);
      setMessage({ tone: "danger", text: [result.error.message, ...Object.values(result.error.fields ?? {})].join(" ") });
      return;
    }
    setChecked(result.data);
    // Free visits are chosen; a taken one is skipped until a free time is picked for it.
    setChoice(Object.fromEntries(result.data.occurrences.map((o) => [o.date, o.free && o.start ? o.start : ""])));
  }

  async function book() {
    const starts = Object.values(choice).filter(Boolean);
    setBusy(true);
    setMessage(null);
    const result = await callAction(() => bookSeriesAction({ ...pattern, starts }));
    setBusy(false);
    if (result.ok && result.data.kind === "booked") {
      setMessage({ tone: "success", text: `Booked ${result.data.visits} visits. The patient has been emailed.` });
      setChecked(null);
      router.refresh();
      return;
    }
    if (result.ok && result.data.kind === "conflict") {
      setMessage({ tone: "danger", text: `Nothing was booked: ${result.data.failed.length} of the times were just taken. Check the dates again.` });
      return;
    }
    if (!result.ok) setMessage({ tone: "danger", text: [result.error.message, ...Object.values(result.error.fields ?? {})].join(" ") });
  }

  const chosen = Object.values(choice).filter(Boolean).length;
  return (
    <Card aria-labelledby="series-title">
      <CardTitle id="series-title">Book a plan of care</CardTitle>
      <form
        className="flex flex-col gap-3"
        aria-label="Book a plan of care"
        onSubmit={(e) => {
          e.preventDefault();
          void check();
        }}
      >
        <div className="grid gap-3 sm:grid-cols-2">
          <label className="flex flex-col gap-1">
            Service
            <select
              className={inputClass}
              value={service}
              onChange={(e) => {
                setService(e.target.value);
                setPractitionerId("");
                setChecked(null);
              }}
            >
              <option value="">Choose…</option>
              {services.map((s) => (
                <option key={s.slug} value={s.slug}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col gap-1">
            Practitioner
            <select className={inputClass} value={practitionerId} onChange={(e) => (setPractitionerId(e.target.value), setChecked(null))}>
              <option value="">Choose…</option>
              {offering.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
        </div>
        <fieldset>
          <legend className="mb-1">Days of the week</legend>
          <div className="flex flex-wrap gap-2">
            {WEEKDAYS.map((label, i) => (
              <label key={label} className="flex min-h-11 items-center gap-2 rounded-lg border border-line px-3">
                <input
                  type="checkbox"
                  checked={weekdays.includes(i + 1)}
                  onChange={(e) => (setWeekdays(e.target.checked ? [...weekdays, i + 1] : weekdays.filter((d) => d !== i + 1)), setChecked(null))}
                  className="h-5 w-5 accent-brand-600"
                />
                {label}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="grid gap-3 sm:grid-cols-3">
          <label className="flex flex-col gap-1">
            Time (clinic time)
            <input type="time" className={inputClass} value={time} onChange={(e) => (setTime(e.target.value), setChecked(null))} />
          </label>
          <label className="flex flex-col gap-1">
            First day
            <input type="date" className={inputClass} value={startsOn} onChange={(e) => (setStartsOn(e.target.value), setChecked(null))} />
          </label>
          <label className="flex flex-col gap-1">
            Visits
            <input type="number" min={1} max={52} className={inputClass} value={count} onChange={(e) => (setCount(e.target.value), setChecked(null))} />
          </label>
        </div>
        <div>
          <Button type="submit" variant="secondary" disabled={busy}>
            {busy && !checked ? "Checking…" : "Check the dates"}
          </Button>
        </div>
      </form>
      {message ? (
        <Alert tone={message.tone} role={message.tone === "danger" ? "alert" : "status"} className="mt-3">
          {message.text}
        </Alert>
      ) : null}
      {checked ? (
        <div className="mt-4 flex flex-col gap-3">
          <ol className="flex flex-col gap-2" aria-label="Visits of the plan">
            {checked.occurrences.map((o) => (
              <li key={o.date} className="rounded-lg border border-line p-2">
                <span className="font-medium">{dayLabel(o.date)}</span>{" "}
                {o.free && o.start ? (
                  <span>
                    {timeLabel(o.start, checked.timeZone)} · <span className="text-brand-800">free</span>
                  </span>
                ) : (
                  <fieldset className="mt-1">
                    <legend className="text-red-800">
                      {time} is taken{o.alternatives.length ? ": pick another time that week, or skip it" : ": no free time that week, skipped"}
                    </legend>
                    <div className="mt-1 flex flex-wrap gap-2">
                      {o.alternatives.map((a) => (
                        <label key={a.start} className="flex min-h-11 items-center gap-2 rounded-lg border border-line px-3">
                          <input
                            type="radio"
                            name={`alt-${o.date}`}
                            checked={choice[o.date] === a.start}
                            onChange={() => setChoice({ ...choice, [o.date]: a.start })}
                            className="h-5 w-5 accent-brand-600"
                          />
                          {dayLabel(a.start.slice(0, 10), "short")} {timeLabel(a.start, checked.timeZone)}
                        </label>
                      ))}
                      {o.alternatives.length ? (
                        <label className="flex min-h-11 items-center gap-2 rounded-lg border border-line px-3">
                          <input type="radio" name={`alt-${o.date}`} checked={!choice[o.date]} onChange={() => setChoice({ ...choice, [o.date]: "" })} className="h-5 w-5 accent-brand-600" />
                          Skip
                        </label>
                      ) : null}
                    </div>
                  </fieldset>
                )}
              </li>
            ))}
          </ol>
          <div>
            <Button type="button" onClick={book} disabled={busy || chosen === 0}>
              {busy ? "Booking…" : `Book ${chosen} visit${chosen === 1 ? "" : "s"}`}
            </Button>
          </div>
        </div>
      ) : null}
    </Card>
  );
}
