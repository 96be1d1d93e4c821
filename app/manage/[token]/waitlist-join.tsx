"use client";

import { useState } from "react";
import { joinWaitlistByLinkAction } from "@/lib/waitlist/actions";
import { DAY_PARTS, DAY_PART_LABELS, WEEKDAY_LABELS } from "@/lib/waitlist/windows";
import { callAction } from "../../_components/forms";
import { Alert, Button, Field, cn, inputClass } from "../../_components/ui";

/**
 * The manage page: "an earlier or better time?" — the appointment's patient joins the waitlist for the
 * same service (their answers are reused), with the days and parts of the day they can come.
 */
export function WaitlistJoin({
  token,
  serviceSlug,
  practitionerId,
  practitionerName,
  defaultUntil,
}: {
  token: string;
  serviceSlug: string;
  practitionerId: string;
  practitionerName: string;
  defaultUntil: string;
}) {
  const [open, setOpen] = useState(false);
  const [weekdays, setWeekdays] = useState<number[]>([1, 2, 3, 4, 5]);
  const [dayParts, setDayParts] = useState<string[]>([...DAY_PARTS]);
  const [until, setUntil] = useState(defaultUntil);
  const [onlyThem, setOnlyThem] = useState(false);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ tone: "success" | "danger"; text: string } | null>(null);

  const toggle = <T,>(list: T[], value: T) => (list.includes(value) ? list.filter((v) => v !== value) : [...list, value]);

  async function join() {
    setBusy(true);
    const result = await callAction(() => joinWaitlistByLinkAction({ token, service: serviceSlug, practitionerId: onlyThem ? practitionerId : "", windows: { weekdays, dayParts, until } }));
    setBusy(false);
    if (result.ok) {
      setMessage({
        tone: "success",
        text: "You are on the waitlist. When a time that fits opens up, we email you a link and hold it for you. If you take it, cancel this appointment here so someone else can have it.",
      });
      setOpen(false);
      return;
    }
    setErrors(result.error.fields ?? {});
    setMessage({ tone: "danger", text: result.error.message });
  }

  if (!open) {
    return (
      <section aria-labelledby="waitlist-join" className="flex flex-col gap-3">
        <h2 id="waitlist-join" className="text-lg font-semibold">
          Hoping for another time?
        </h2>
        {message ? (
          <Alert tone={message.tone} role="status">
            {message.text}
          </Alert>
        ) : (
          <div>
            <Button type="button" variant="secondary" onClick={() => setOpen(true)}>
              Join the waitlist
            </Button>
          </div>
        )}
      </section>
    );
  }
  const fieldError = (name: string) => (errors[name] ? <p className="mt-1 text-sm font-medium text-red-700">{errors[name]}</p> : null);
  return (
    <section aria-labelledby="waitlist-join" className="flex flex-col gap-4 rounded-xl border border-line bg-white p-4">
      <h2 id="waitlist-join" className="text-lg font-semibold">
        Join the waitlist
      </h2>
      {message ? (
        <Alert tone={message.tone} role="alert">
          {message.text}
        </Alert>
      ) : null}
      <fieldset>
        <legend className="font-medium">Days you can come</legend>
        <div className="mt-1 flex flex-wrap gap-2">
          {WEEKDAY_LABELS.map((label, i) => (
            <label key={label} className="flex min-h-11 cursor-pointer items-center gap-2 rounded-lg border border-line px-3 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50">
              <input type="checkbox" checked={weekdays.includes(i + 1)} onChange={() => setWeekdays(toggle(weekdays, i + 1))} className="h-5 w-5 accent-brand-600" />
              {label}
            </label>
          ))}
        </div>
        {fieldError("windows.weekdays")}
      </fieldset>
      <fieldset>
        <legend className="font-medium">Parts of the day</legend>
        <div className="mt-1 flex flex-wrap gap-2">
          {DAY_PARTS.map((part) => (
            <label key={part} className="flex min-h-11 cursor-pointer items-center gap-2 rounded-lg border border-line px-3 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50">
              <input type="checkbox" checked={dayParts.includes(part)} onChange={() => setDayParts(toggle(dayParts, part))} className="h-5 w-5 accent-brand-600" />
              {DAY_PART_LABELS[part]}
            </label>
          ))}
        </div>
        {fieldError("windows.dayParts")}
      </fieldset>
      <label className="flex min-h-11 items-center gap-2">
        <input type="checkbox" checked={onlyThem} onChange={() => setOnlyThem(!onlyThem)} className="h-5 w-5 accent-brand-600" />
        Only with {practitionerName}
      </label>
      <Field id="waitlist-until" label="Keep looking until" error={errors["windows.until"]}>
        <input
          id="waitlist-until"
          type="date"
          value={until}
          onChange={(e) => setUntil(e.target.value)}
          className={cn(inputClass, "sm:max-w-xs")}
          aria-invalid={errors["windows.until"] ? true : undefined}
        />
      </Field>
      <div className="flex flex-wrap gap-3">
        <Button type="button" disabled={busy} onClick={join}>
          {busy ? "Joining…" : "Join the waitlist"}
        </Button>
        <Button type="button" variant="ghost" onClick={() => setOpen(false)}>
          Not now
        </Button>
      </div>
    </section>
  );
}
