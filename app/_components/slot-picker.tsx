"use client";

import { useEffect, useMemo, useState } from "react";
import { cn } from "./ui";

export interface PickedSlot {
  practitionerId: string;
  start: string;
  end: string;
}

const WINDOW_DAYS = 14;

function addDays(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export function todayIn(timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
}

/** "9:30 AM" in the clinic's zone. */
export function timeLabel(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat("en-US", { timeZone, hour: "numeric", minute: "2-digit" }).format(new Date(iso));
}

/** "Wednesday, December 2" for a "YYYY-MM-DD" day. */
export function dayLabel(date: string, style: "long" | "short" = "long"): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Intl.DateTimeFormat("en-US", { timeZone: "UTC", weekday: style, month: style === "long" ? "long" : "short", day: "numeric" }).format(new Date(Date.UTC(y, m - 1, d)));
}

/**
 * Free times from the public slots API, two weeks at a time, as day buttons and time buttons. Times
 * are the clinic's local times (the zone is named on screen by the caller).
 */
export function SlotPicker({
  service,
  practitionerId,
  locationId = null,
  timeZone,
  value,
  onSelect,
  labelledBy,
}: {
  service: string;
  practitionerId: string | null;
  /** One location's times (in its zone); null: the clinic's main location's zone. */
  locationId?: string | null;
  timeZone: string;
  value: PickedSlot | null;
  onSelect: (slot: PickedSlot) => void;
  labelledBy: string;
}) {
  // Opens on the chosen time's two weeks when one is chosen (the desk's calendar), else today's.
  const [from, setFrom] = useState(() => (value && value.start.slice(0, 10) > todayIn(timeZone) ? value.start.slice(0, 10) : todayIn(timeZone)));
  const [day, setDay] = useState<string | null>(value ? value.start.slice(0, 10) : null);
  const query = useMemo(() => {
    const qs = new URLSearchParams({ service, from, to: addDays(from, WINDOW_DAYS - 1) });
    if (practitionerId) qs.set("practitioner", practitionerId);
    if (locationId) qs.set("location", locationId);
    return qs.toString();
  }, [service, practitionerId, locationId, from]);
  // Answers are kept with the query they belong to; a newer query shows "loading" until its answer comes.
  const [answer, setAnswer] = useState<{ query: string; slots: PickedSlot[] | null } | null>(null);

  useEffect(() => {
    let cancelled = false;
    fetch(`/api/v1/slots?${query}`)
      .then(async (res) => {
        if (!res.ok) throw new Error(String(res.status));
        const json = (await res.json()) as { slots: PickedSlot[] };
        if (!cancelled) setAnswer({ query, slots: json.slots });
      })
      .catch(() => !cancelled && setAnswer({ query, slots: null }));
    return () => {
      cancelled = true;
    };
  }, [query]);

  const state: { status: "loading" } | { status: "error" } | { status: "ready"; slots: PickedSlot[] } =
    answer?.query !== query ? { status: "loading" } : answer.slots ? { status: "ready", slots: answer.slots } : { status: "error" };

  const readySlots = state.status === "ready" ? state.slots : null;
  const byDay = useMemo(() => {
    const map = new Map<string, PickedSlot[]>();
    for (const s of readySlots ?? []) map.set(s.start.slice(0, 10), [...(map.get(s.start.slice(0, 10)) ?? []), s]);
    return map;
  }, [readySlots]);
  const days = [...byDay.keys()];
  const shownDay = day && byDay.has(day) ? day : (days[0] ?? null);
  const canGoBack = from > todayIn(timeZone);

  return (
    <div className="flex flex-col gap-4" aria-labelledby={labelledBy} role="group">
      <div className="flex items-center justify-between gap-2">
        <button type="button" className="min-h-11 rounded-lg border border-line bg-white px-3 disabled:opacity-50" disabled={!canGoBack} onClick={() => setFrom(addDays(from, -WINDOW_DAYS))}>
          ← Earlier
        </button>
        <p className="text-sm text-muted" aria-live="polite">
          {dayLabel(from, "short")} – {dayLabel(addDays(from, WINDOW_DAYS - 1), "short")}
        </p>
        <button type="button" className="min-h-11 rounded-lg border border-line bg-white px-3" onClick={() => setFrom(addDays(from, WINDOW_DAYS))}>
          Later →
        </button>
      </div>
      {state.status === "loading" ? <p aria-live="polite">Looking for free times…</p> : null}
      {state.status === "error" ? (
        <p role="alert" className="text-red-700">
          We could not load free times. Please try again.
        </p>
      ) : null}
      {state.status === "ready" && !days.length ? <p>No free times in these two weeks. Try later dates.</p> : null}
      {days.length ? (
        <>
          <fieldset>
            <legend className="mb-2 font-medium">Day</legend>
            <div className="flex flex-wrap gap-2">
              {days.map((d) => (
                <button
                  key={d}
                  type="button"
                  aria-pressed={d === shownDay}
                  onClick={() => setDay(d)}
                  className={cn("min-h-11 rounded-lg border px-3 py-2", d === shownDay ? "border-brand-600 bg-brand-600 text-white" : "border-line bg-white hover:bg-brand-50")}
                >
                  {dayLabel(d, "short")}
                </button>
              ))}
            </div>
          </fieldset>
          {shownDay ? (
            <fieldset>
              <legend className="mb-2 font-medium">Time on {dayLabel(shownDay)}</legend>
              <div className="grid grid-cols-3 gap-2 sm:grid-cols-6">
                {byDay.get(shownDay)!.map((s) => {
                  const selected = value?.start === s.start && value.practitionerId === s.practitionerId;
                  return (
                    <button
                      key={`${s.start}-${s.practitionerId}`}
                      type="button"
                      aria-pressed={selected}
                      onClick={() => onSelect(s)}
                      className={cn("min-h-11 rounded-lg border px-2 py-2", selected ? "border-brand-600 bg-brand-600 text-white" : "border-line bg-white hover:bg-brand-50")}
                    >
                      {timeLabel(s.start, timeZone)}
                    </button>
                  );
                })}
              </div>
            </fieldset>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
