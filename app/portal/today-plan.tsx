"use client";

import { useRouter } from "next/navigation";
import { formatDay } from "@/lib/day-format";
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from "react";
import { doseText, type RegimenItemView } from "../_components/regimen";
import { HoldTimer } from "./hold-timer";
import { Alert, Button, Table, cn, inputClass } from "../_components/ui";

interface Entry {
  clientId: string;
  regimenItemId: string;
  date: string;
  setsDone: number;
}
interface Checkin {
  date: string;
  pain: number | null;
  comment: string;
}
interface Pending {
  entries: Entry[];
  checkin?: Checkin;
}

interface ExercisePictures {
  pictureStartUrl: string | null;
  pictureStartAlt: string;
  pictureEndUrl: string | null;
  pictureEndAlt: string;
  pictureLicence: string;
  pictureAttribution: string;
  mediaUrl: string | null;
}

/** Start and end position, as lazy images of a fixed size (nothing moves as they arrive), with their licence. */
function Pictures({ item }: { item: Partial<ExercisePictures> & { exerciseName: string } }) {
  const shown = (["start", "end"] as const).filter((phase) => (phase === "start" ? item.pictureStartUrl : item.pictureEndUrl));
  if (!shown.length) return null;
  return (
    <figure className="mt-3">
      <div className="grid max-w-md grid-cols-2 gap-2">
        {shown.map((phase) => (
          <div key={phase}>
            {/* eslint-disable-next-line @next/next/no-img-element -- a static SVG or an uploaded picture */}
            <img
              src={(phase === "start" ? item.pictureStartUrl : item.pictureEndUrl) ?? ""}
              alt={`${phase === "start" ? "Start" : "End"} position: ${phase === "start" ? item.pictureStartAlt : item.pictureEndAlt}`}
              width={240}
              height={160}
              loading="lazy"
              decoding="async"
              className="h-auto w-full rounded-lg border border-line"
            />
            <p className="text-center text-sm text-muted" aria-hidden="true">
              {phase === "start" ? "Start" : "End"}
            </p>
          </div>
        ))}
      </div>
      {item.pictureLicence || item.pictureAttribution ? (
        <figcaption className="mt-1 text-xs text-muted">Pictures: {[item.pictureAttribution, item.pictureLicence].filter(Boolean).join(", ")}</figcaption>
      ) : null}
    </figure>
  );
}

const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const addDays = (date: string, n: number) => {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
};
const mondayOf = (date: string) => {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const wd = new Date(Date.UTC(y, m - 1, d)).getUTCDay() || 7;
  return addDays(date, 1 - wd);
};

// Pending logs live in localStorage, so a lost connection (or a closed tab) never loses what was logged.
const storeKey = (patientKey: string) => `backline.plan.pending.${patientKey}`;
const listeners = new Set<() => void>();
function readPending(key: string): Pending {
  try {
    return JSON.parse(localStorage.getItem(key) ?? "") as Pending;
  } catch {
    return { entries: [] };
  }
}
function writePending(key: string, value: Pending) {
  localStorage.setItem(key, JSON.stringify(value));
  cache.delete(key);
  listeners.forEach((l) => l());
}
const cache = new Map<string, Pending>();
function snapshot(key: string): Pending {
  if (!cache.has(key)) cache.set(key, readPending(key));
  return cache.get(key)!;
}
const EMPTY: Pending = { entries: [] };

/**
 * Today's exercises on a phone: mark each done with the sets done, the day's pain and a comment, a week
 * view and recent history. Logs are kept on the phone first and sent with retries (same ids each time,
 * so the server stores each once); anything not yet sent says so.
 */
export function TodayPlan({
  patientKey,
  items,
  today,
  timeZone,
  serverLogs,
  serverCheckins,
  itemExercise,
  planDays,
}: {
  patientKey: string;
  items: Array<RegimenItemView & { exerciseId: string } & Partial<ExercisePictures>>;
  today: string;
  timeZone: string;
  serverLogs: Entry[];
  serverCheckins: Checkin[];
  /** Every item of every version of this plan → its exercise, so history survives a new version. */
  itemExercise: Record<string, string>;
  /** The exercises asked for on each day shown (no key: no plan in force that day). */
  planDays: Record<string, string[]>;
}) {
  const key = storeKey(patientKey);
  const router = useRouter();
  // The date a log is for is taken when it is made, in the clinic's zone: a page left open overnight
  // must not file this morning's exercises under yesterday. A new day also reloads the plan.
  const clinicToday = useCallback(() => new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date()), [timeZone]);
  useEffect(() => {
    const check = () => {
      if (clinicToday() !== today) router.refresh();
    };
    const timer = window.setInterval(check, 60_000);
    document.addEventListener("visibilitychange", check);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener("visibilitychange", check);
    };
  }, [clinicToday, today, router]);
  const pending = useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => snapshot(key),
    () => EMPTY,
  );
  // Until the page is interactive the buttons are disabled, so an early tap is never silently lost.
  const ready = useSyncExternalStore(
    () => () => {},
    () => true,
    () => false,
  );
  const [status, setStatus] = useState<"idle" | "sending" | "offline" | "error" | "signed_out" | "refused">("idle");
  const [refusal, setRefusal] = useState<string | null>(null);
  // What the server stored since the page loaded: leaves the phone's queue but stays on screen.
  const [sentEntries, setSentEntries] = useState<Entry[]>([]);
  const [sets, setSets] = useState<Record<string, number>>({});
  const [pain, setPain] = useState<number | null>(serverCheckins.find((c) => c.date === today)?.pain ?? null);
  const [comment, setComment] = useState(serverCheckins.find((c) => c.date === today)?.comment ?? "");
  // Said once the clinic has today's pain and note (not when it is only queued on the phone).
  const [daySaved, setDaySaved] = useState(false);

  const sync = useCallback(async () => {
    const current = readPending(key);
    if (!current.entries.length && !current.checkin) return;
    setStatus("sending");
    try {
      const res = await fetch("/api/portal/plan-logs", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(current) });
      // Refusals are not retried blindly: a lost session needs a sign-in, a refused entry needs the
      // patient to decide. Either way the entries stay on the phone until then.
      if (res.status === 401) {
        setStatus("signed_out");
        return;
      }
      if (res.status === 400 || res.status === 403 || res.status === 422) {
        const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
        setRefusal(body?.error?.message ?? "The clinic could not accept these entries.");
        setStatus("refused");
        return;
      }
      if (!res.ok) throw new Error(String(res.status));
      // Only drop what was sent; anything logged meanwhile stays queued.
      const now = readPending(key);
      const sent = new Set(current.entries.map((e) => e.clientId));
      setSentEntries((before) => [...before, ...current.entries]);
      writePending(key, {
        entries: now.entries.filter((e) => !sent.has(e.clientId)),
        checkin: now.checkin === current.checkin || JSON.stringify(now.checkin) === JSON.stringify(current.checkin) ? undefined : now.checkin,
      });
      if (current.checkin) setDaySaved(true);
      setStatus("idle");
    } catch {
      setStatus(navigator.onLine ? "error" : "offline");
    }
  }, [key]);

  // Send whatever is waiting: now, when the connection comes back, and every 30 seconds (not after a
  // refusal or a lost session: those wait for the patient).
  const halted = status === "signed_out" || status === "refused";
  useEffect(() => {
    if (halted) return;
    const retry = () => void sync();
    const first = window.setTimeout(retry, 0);
    window.addEventListener("online", retry);
    const timer = window.setInterval(retry, 30_000);
    return () => {
      window.clearTimeout(first);
      window.removeEventListener("online", retry);
      window.clearInterval(timer);
    };
  }, [sync, halted]);

  const allLogs = useMemo(() => {
    const byId = new Map<string, Entry>();
    for (const entry of [...serverLogs, ...sentEntries, ...pending.entries]) if (!byId.has(entry.clientId)) byId.set(entry.clientId, entry);
    return [...byId.values()];
  }, [serverLogs, sentEntries, pending]);
  // A log counts for the exercise it was for, whichever version of the plan it was logged under.
  const exerciseOf = (itemId: string) => itemExercise[itemId] ?? items.find((i) => i.id === itemId)?.exerciseId;
  const doneOn = (exerciseId: string, date: string) => allLogs.filter((l) => l.date === date && exerciseOf(l.regimenItemId) === exerciseId).length;

  const log = (item: RegimenItemView) => {
    const current = readPending(key);
    writePending(key, { ...current, entries: [...current.entries, { clientId: crypto.randomUUID(), regimenItemId: item.id, date: clinicToday(), setsDone: sets[item.id] ?? item.sets }] });
    void sync();
  };
  const saveDay = () => {
    const current = readPending(key);
    writePending(key, { ...current, checkin: { date: clinicToday(), pain, comment } });
    void sync();
  };

  const week = Array.from({ length: 7 }, (_, i) => addDays(mondayOf(today), i));
  const unsent = pending.entries.length + (pending.checkin ? 1 : 0);

  return (
    <div className="flex flex-col gap-6">
      {unsent ? (
        <Alert tone={status === "sending" ? "info" : "warning"} role="status">
          {status === "sending"
            ? "Sending your log…"
            : status === "signed_out"
              ? `${unsent} ${unsent === 1 ? "entry is" : "entries are"} saved on this phone, but your session has ended. Sign in again to send ${unsent === 1 ? "it" : "them"}.`
              : status === "refused"
                ? `The clinic did not accept ${unsent === 1 ? "this entry" : "these entries"}: ${refusal} ${unsent === 1 ? "It is" : "They are"} still on this phone.`
                : `${unsent} ${unsent === 1 ? "entry is" : "entries are"} saved on this phone but not sent yet${status === "offline" ? " (you are offline)" : ""}. We will send ${unsent === 1 ? "it" : "them"} as soon as we can.`}
          {status === "signed_out" ? (
            <a href="/login?next=/portal" className="ml-2 font-medium underline">
              Sign in again
            </a>
          ) : status !== "sending" ? (
            <Button type="button" variant="secondary" className="ml-2" onClick={() => void sync()}>
              Try again now
            </Button>
          ) : null}
          {status === "refused" ? (
            <Button
              type="button"
              variant="ghost"
              className="ml-2"
              onClick={() => {
                writePending(key, { entries: [] });
                setStatus("idle");
                setRefusal(null);
              }}
            >
              Discard {unsent === 1 ? "it" : "them"}
            </Button>
          ) : null}
        </Alert>
      ) : null}

      <ol className="flex flex-col gap-4" aria-label="Today's exercises">
        {items.map((item) => {
          const done = doneOn(item.exerciseId, today);
          const finished = done >= item.timesPerDay;
          return (
            <li key={item.id} className={cn("rounded-xl border bg-white p-4", finished ? "border-emerald-400" : "border-line")}>
              <h3 className="text-lg font-semibold">{item.exerciseName}</h3>
              <p className="font-medium">
                {doseText(item)}
                {item.side !== "both" ? ` · ${item.side}` : ""}
              </p>
              {item.notes ? <p className="text-sm">{item.notes}</p> : null}
              <Pictures item={item} />
              {item.holdSeconds || item.durationSeconds ? (
                <HoldTimer seconds={item.holdSeconds || item.durationSeconds!} what={item.holdSeconds ? `${item.exerciseName} hold` : item.exerciseName} />
              ) : null}
              {item.mediaUrl ? (
                <p className="mt-2 text-sm">
                  <a href={item.mediaUrl} rel="noopener noreferrer" target="_blank" className="text-brand-700 underline">
                    Watch a video of {item.exerciseName}
                  </a>
                </p>
              ) : null}
              <details className="mt-2">
                <summary className="cursor-pointer text-brand-700">How to do it</summary>
                <p className="mt-1">{item.instructions}</p>
                {item.precautions ? <p className="mt-1 text-sm">Take care: {item.precautions}</p> : null}
              </details>
              <div className="mt-3 flex flex-wrap items-end gap-3">
                <label className="flex flex-col gap-1 text-sm">
                  Sets done
                  <select value={sets[item.id] ?? item.sets} onChange={(e) => setSets({ ...sets, [item.id]: Number(e.target.value) })} className={inputClass}>
                    {Array.from({ length: item.sets + 1 }, (_, n) => (
                      <option key={n} value={n}>
                        {n} of {item.sets}
                      </option>
                    ))}
                  </select>
                </label>
                <Button type="button" variant={finished ? "secondary" : "primary"} disabled={!ready} onClick={() => log(item)}>
                  Mark done<span className="sr-only"> {item.exerciseName}</span>
                </Button>
                <p role="status" className="text-sm">
                  {done ? `Done ${done} of ${item.timesPerDay} today` : `${item.timesPerDay > 1 ? `${item.timesPerDay} times today` : "Not done yet today"}`}
                </p>
              </div>
            </li>
          );
        })}
      </ol>

      <section aria-labelledby="pain-today" className="rounded-xl border border-line bg-white p-4">
        <h3 id="pain-today" className="mb-2 text-lg font-semibold">
          How is your back today?
        </h3>
        <fieldset>
          <legend className="text-sm text-muted">Pain now: 0 = none, 10 = the worst imaginable (optional)</legend>
          <div className="mt-2 grid grid-cols-6 gap-2 sm:grid-cols-11">
            {Array.from({ length: 11 }, (_, n) => (
              <label
                key={n}
                className="flex min-h-11 cursor-pointer items-center justify-center rounded-lg border border-line has-[:checked]:border-brand-600 has-[:checked]:bg-brand-600 has-[:checked]:text-white has-[:focus-visible]:outline has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-brand-600"
              >
                <input
                  type="radio"
                  name="pain-today"
                  value={n}
                  checked={pain === n}
                  onChange={() => {
                    setPain(n);
                    setDaySaved(false);
                  }}
                  className="sr-only"
                />
                {n}
                <span className="sr-only"> out of 10</span>
              </label>
            ))}
          </div>
        </fieldset>
        <label className="mt-3 flex flex-col gap-1">
          Anything to tell your therapist? (optional)
          <textarea
            value={comment}
            onChange={(e) => {
              setComment(e.target.value);
              setDaySaved(false);
            }}
            rows={2}
            maxLength={1000}
            className={inputClass}
          />
        </label>
        <Button type="button" className="mt-3" disabled={!ready} onClick={saveDay}>
          Save today
        </Button>
        <p role="status" className="mt-2 font-medium text-emerald-800">
          {daySaved ? "Saved. Your therapist can see today's entry." : ""}
        </p>
      </section>

      <section aria-labelledby="this-week">
        <h3 id="this-week" className="mb-2 text-lg font-semibold">
          This week
        </h3>
        <Table caption="Sessions done this week" className="text-center [&_td]:px-2 [&_th]:px-2">
          <thead>
            <tr>
              <th scope="col" className="text-left">
                Exercise
              </th>
              {week.map((d, i) => (
                <th key={d} scope="col" aria-current={d === today ? "date" : undefined} className={d === today ? "bg-brand-50" : undefined}>
                  {WEEKDAYS[i]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id}>
                <th scope="row" className="text-left font-normal">
                  {item.exerciseName}
                </th>
                {week.map((d) => {
                  const n = doneOn(item.exerciseId, d);
                  const asked = d === today || (planDays[d] ?? []).includes(item.exerciseId);
                  return (
                    <td key={d}>
                      {n ? (
                        <span aria-label={`${n} done`}>✓{n > 1 ? n : ""}</span>
                      ) : d > today ? (
                        ""
                      ) : asked ? (
                        <span className="text-muted" aria-label="not done">
                          ·
                        </span>
                      ) : (
                        <span className="sr-only">not in your plan that day</span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </Table>
      </section>

      <section aria-labelledby="history">
        <h3 id="history" className="mb-2 text-lg font-semibold">
          Recent days
        </h3>
        <ul className="flex flex-col gap-1">
          {Array.from({ length: 14 }, (_, i) => addDays(today, -i - 1))
            .map((d) => ({ d, n: allLogs.filter((l) => l.date === d).length, c: serverCheckins.find((c) => c.date === d) }))
            .filter((x) => x.n || x.c)
            .map((x) => (
              <li key={x.d}>
                {formatDay(x.d)}: {x.n} exercise{x.n === 1 ? "" : "s"} done{x.c?.pain !== undefined && x.c?.pain !== null ? `, pain ${x.c.pain}/10` : ""}
                {x.c?.comment ? ` — “${x.c.comment}”` : ""}
              </li>
            ))}
        </ul>
      </section>
    </div>
  );
}
