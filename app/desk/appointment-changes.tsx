"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { useForm, useWatch, type UseFormRegisterReturn } from "react-hook-form";
import type { CancelReason } from "@/lib/appointments/cancellation";
import { proposeTimeAction, staffCancelAction, staffMoveAction } from "@/lib/desk/actions";
import { cancelRestOfSeriesAction } from "@/lib/series/actions";
import { ProposeSchema, StaffCancelSchema, StaffMoveSchema, type ProposeInput, type StaffCancelInput, type StaffMoveInput } from "@/lib/desk/schemas";
import { applyActionResult, callAction } from "../_components/forms";
import { timeLabel, todayIn } from "../_components/slot-picker";
import { Alert, Button, Field, describedBy, inputClass } from "../_components/ui";

export interface ChangeableAppointment {
  id: string;
  serviceSlug: string;
  practitionerId: string;
  /** Said in the buttons' accessible names: "Move Ana Souza's 10:00 AM massage". */
  label: string;
  /** A visit of a plan of care booked as a series: the rest of the plan can be cancelled from it. */
  inSeries?: boolean;
}

type Reason = { code: CancelReason; label: string };
const summaryClass = "flex min-h-11 cursor-pointer items-center rounded-lg border border-line px-4";

/**
 * The desk's Move and Cancel for one upcoming appointment: each a small labelled form with a reason. Move
 * picks a practitioner offering the service, a day, then a free time from the slots engine (radio
 * buttons: keyboard and screen readers work). Both email the patient.
 */
export function AppointmentChanges({
  appointment,
  practitioners,
  reasons,
  timeZone,
  initialDay,
}: {
  appointment: ChangeableAppointment;
  practitioners: Array<{ id: string; name: string }>;
  reasons: Reason[];
  timeZone: string;
  /** The day Move opens on (default: today). */
  initialDay?: string;
}) {
  return (
    <div className="flex flex-wrap items-start gap-3">
      <details>
        <summary className={summaryClass} aria-label={`Move ${appointment.label}`}>
          Move
        </summary>
        <MoveForm appointment={appointment} practitioners={practitioners} reasons={reasons} timeZone={timeZone} initialDay={initialDay} />
      </details>
      <details>
        <summary className={summaryClass} aria-label={`Cancel ${appointment.label}`}>
          Cancel
        </summary>
        <CancelForm appointment={appointment} reasons={reasons} />
      </details>
      {appointment.inSeries ? (
        <details>
          <summary className={summaryClass} aria-label={`Cancel the rest of the plan from ${appointment.label}`}>
            Cancel the rest of the plan
          </summary>
          <CancelForm appointment={appointment} reasons={reasons} rest />
        </details>
      ) : null}
    </div>
  );
}

function ReasonSelect({ id, error, reasons, register }: { id: string; error?: string; reasons: Reason[]; register: UseFormRegisterReturn }) {
  return (
    <Field id={id} label="Reason" error={error}>
      <select {...describedBy(id, { error })} {...register} className={inputClass} defaultValue="">
        <option value="" disabled>
          Choose a reason…
        </option>
        {reasons.map((r) => (
          <option key={r.code} value={r.code}>
            {r.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

function CancelForm({ appointment, reasons, rest = false }: { appointment: ChangeableAppointment; reasons: Reason[]; rest?: boolean }) {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const form = useForm<StaffCancelInput>({ resolver: zodResolver(StaffCancelSchema), defaultValues: { appointmentId: appointment.id, note: "" } });
  const { register, handleSubmit, setError, formState } = form;
  const onSubmit = handleSubmit(async (values) => {
    setMessage(null);
    const result = await callAction<unknown>(() => (rest ? cancelRestOfSeriesAction(values) : staffCancelAction(values)));
    setMessage(applyActionResult(result, setError));
    if (result.ok) {
      setDone(true);
      router.refresh();
    }
  });
  const id = `${rest ? "cancel-rest" : "cancel"}-${appointment.id}`;
  return (
    <form onSubmit={onSubmit} noValidate className="mt-2 flex max-w-md flex-col gap-3" aria-label={rest ? `Cancel the rest of the plan from ${appointment.label}` : `Cancel ${appointment.label}`}>
      {message ? (
        <Alert tone="danger" role="alert">
          {message}
        </Alert>
      ) : null}
      {done ? (
        <Alert tone="success" role="status">
          {rest ? "The rest of the plan is cancelled. The patient has been emailed." : "Cancelled. The patient has been emailed."}
        </Alert>
      ) : null}
      <ReasonSelect id={`${id}-reason`} error={formState.errors.reason?.message} reasons={reasons} register={register("reason")} />
      <Field id={`${id}-note`} label="Note (optional, kept on the appointment)" error={formState.errors.note?.message}>
        <textarea {...describedBy(`${id}-note`, { error: formState.errors.note })} {...register("note")} rows={2} className={inputClass} />
      </Field>
      <div>
        <Button type="submit" variant="danger" disabled={formState.isSubmitting || done}>
          {formState.isSubmitting ? "Cancelling…" : rest ? "Cancel this and every later visit of the plan" : "Cancel and email the patient"}
        </Button>
      </div>
    </form>
  );
}

type Free = { practitionerId: string; start: string; end: string };

function MoveForm({
  appointment,
  practitioners,
  reasons,
  timeZone,
  initialDay,
}: {
  appointment: ChangeableAppointment;
  practitioners: Array<{ id: string; name: string }>;
  reasons: Reason[];
  timeZone: string;
  initialDay?: string;
}) {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [day, setDay] = useState(() => (initialDay && initialDay > todayIn(timeZone) ? initialDay : todayIn(timeZone)));
  const [alternatives, setAlternatives] = useState<Free[] | null>(null);
  const form = useForm<StaffMoveInput>({ resolver: zodResolver(StaffMoveSchema), defaultValues: { appointmentId: appointment.id, practitionerId: appointment.practitionerId, start: "" } });
  const { register, handleSubmit, setError, setValue, formState, control } = form;
  const practitionerId = useWatch({ control, name: "practitionerId" });
  const loaded = useFreeTimes(appointment.serviceSlug, practitionerId, day);
  const slots = alternatives ?? loaded;

  const onSubmit = handleSubmit(async (values) => {
    setMessage(null);
    const result = await callAction(() => staffMoveAction(values));
    if (result.ok && result.data.kind === "conflict") {
      setMessage(result.data.message);
      setAlternatives(result.data.alternatives);
      setValue("start", "");
      return;
    }
    setMessage(applyActionResult(result, setError));
    if (result.ok) {
      setDone(true);
      router.refresh();
    }
  });
  const id = `move-${appointment.id}`;
  return (
    <form onSubmit={onSubmit} noValidate className="mt-2 flex max-w-xl flex-col gap-3" aria-label={`Move ${appointment.label}`}>
      {message ? (
        <Alert tone="danger" role="alert">
          {message}
        </Alert>
      ) : null}
      {done ? (
        <Alert tone="success" role="status">
          Moved. The patient has been emailed.
        </Alert>
      ) : null}
      <Field id={`${id}-practitioner`} label="Practitioner" error={formState.errors.practitionerId?.message}>
        <select
          {...describedBy(`${id}-practitioner`, { error: formState.errors.practitionerId })}
          {...register("practitionerId", {
            onChange: () => {
              setValue("start", "");
              setAlternatives(null);
            },
          })}
          className={inputClass}
        >
          {practitioners.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </Field>
      <DayField
        id={`${id}-day`}
        day={day}
        timeZone={timeZone}
        onChange={(d) => {
          setDay(d);
          setValue("start", "");
          setAlternatives(null);
        }}
      />
      <FreeTimeChoices
        legend={alternatives ? "The nearest free times" : "Free time"}
        slots={slots}
        withDates={Boolean(alternatives)}
        timeZone={timeZone}
        error={formState.errors.start?.message}
        register={(s) => register("start", { onChange: () => s.practitionerId !== practitionerId && setValue("practitionerId", s.practitionerId) })}
      />
      <ReasonSelect id={`${id}-reason`} error={formState.errors.reason?.message} reasons={reasons} register={register("reason")} />
      <div>
        <Button type="submit" disabled={formState.isSubmitting || done}>
          {formState.isSubmitting ? "Moving…" : "Move and email the patient"}
        </Button>
      </div>
    </form>
  );
}

/** Free times of one practitioner for one day from the slots engine (the same API booking uses): undefined while loading, null on failure. */
function useFreeTimes(serviceSlug: string, practitionerId: string, day: string): Free[] | null | undefined {
  const query = new URLSearchParams({ service: serviceSlug, from: day, to: day, practitioner: practitionerId }).toString();
  const [answer, setAnswer] = useState<{ query: string; slots: Free[] | null } | null>(null);
  useEffect(() => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return;
    let cancelled = false;
    fetch(`/api/v1/slots?${query}`)
      .then(async (res) => {
        if (!res.ok) throw new Error(String(res.status));
        const json = (await res.json()) as { slots: Free[] };
        if (!cancelled) setAnswer({ query, slots: json.slots });
      })
      .catch(() => !cancelled && setAnswer({ query, slots: null }));
    return () => {
      cancelled = true;
    };
  }, [query, day]);
  return answer?.query === query ? answer.slots : undefined;
}

function DayField({ id, day, timeZone, onChange }: { id: string; day: string; timeZone: string; onChange: (day: string) => void }) {
  return (
    <Field id={id} label="Day" hint="Clinic time">
      <input id={id} aria-describedby={`${id}-hint`} type="date" value={day} min={todayIn(timeZone)} onChange={(e) => onChange(e.target.value)} className={inputClass} />
    </Field>
  );
}

/** Free times as radio buttons (keyboard and screen readers work), with what is happening said in words. */
function FreeTimeChoices({
  legend,
  slots,
  withDates,
  timeZone,
  error,
  register,
}: {
  legend: string;
  slots: Free[] | null | undefined;
  withDates: boolean;
  timeZone: string;
  error?: string;
  register: (slot: Free) => UseFormRegisterReturn;
}) {
  return (
    <fieldset>
      <legend className="mb-2 font-medium">{legend}</legend>
      {slots === undefined ? <p aria-live="polite">Looking for free times…</p> : null}
      {slots === null ? (
        <p role="alert" className="text-red-700">
          We could not load free times. Please try again.
        </p>
      ) : null}
      {slots?.length === 0 ? <p>No free times that day. Try another day.</p> : null}
      <div className="grid grid-cols-3 gap-2 sm:grid-cols-5">
        {slots?.map((s) => (
          <label
            key={`${s.start}-${s.practitionerId}`}
            className="flex min-h-11 cursor-pointer items-center justify-center rounded-lg border border-line bg-white px-2 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-600 has-[:checked]:text-white has-[:focus-visible]:outline has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-brand-600"
          >
            <input type="radio" value={s.start} {...register(s)} className="sr-only" />
            {withDates ? `${s.start.slice(5, 10)} ` : ""}
            {timeLabel(s.start, timeZone)}
          </label>
        ))}
      </div>
      {error ? <p className="mt-1 text-sm font-medium text-red-700">{error}</p> : null}
    </fieldset>
  );
}

/**
 * The desk proposes another time for a request: the practitioner's free times for a day, from the same
 * engine as booking (the patient accepts or declines it from their link or portal).
 */
export function ProposeTime({ appointment, timeZone, initialDay }: { appointment: ChangeableAppointment; timeZone: string; initialDay?: string }) {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [day, setDay] = useState(() => (initialDay && initialDay > todayIn(timeZone) ? initialDay : todayIn(timeZone)));
  const form = useForm<ProposeInput>({ resolver: zodResolver(ProposeSchema), defaultValues: { appointmentId: appointment.id, start: "" } });
  const { register, handleSubmit, setError, setValue, formState } = form;
  const slots = useFreeTimes(appointment.serviceSlug, appointment.practitionerId, day);
  const onSubmit = handleSubmit(async (values) => {
    setMessage(null);
    const result = await callAction(() => proposeTimeAction(values));
    setMessage(applyActionResult(result, setError));
    if (result.ok) {
      setDone(true);
      router.refresh();
    }
  });
  const id = `propose-${appointment.id}`;
  return (
    <details>
      <summary className={summaryClass} aria-label={`Propose another time for ${appointment.label}`}>
        Propose another time
      </summary>
      <form onSubmit={onSubmit} noValidate className="mt-2 flex max-w-xl flex-col gap-3" aria-label={`Propose another time for ${appointment.label}`}>
        {message ? (
          <Alert tone="danger" role="alert">
            {message}
          </Alert>
        ) : null}
        {done ? (
          <Alert tone="success" role="status">
            Proposed. The patient has been emailed to accept or decline it.
          </Alert>
        ) : null}
        <DayField
          id={`${id}-day`}
          day={day}
          timeZone={timeZone}
          onChange={(d) => {
            setDay(d);
            setValue("start", "");
          }}
        />
        <FreeTimeChoices legend="Free time" slots={slots} withDates={false} timeZone={timeZone} error={formState.errors.start?.message} register={() => register("start")} />
        <div>
          <Button type="submit" variant="secondary" disabled={formState.isSubmitting || done}>
            {formState.isSubmitting ? "Sending…" : "Send proposal"}
          </Button>
        </div>
      </form>
    </details>
  );
}
