"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import { useController, useForm, useWatch, type FieldPath, type Resolver } from "react-hook-form";
import { bookForPatientAction, requestAppointmentAction, type Alternative, type BookingActionData } from "@/lib/booking/actions";
import type { ActionResult } from "@/lib/actions/result";
import { BookingFormSchema, isMinorBirthDate, toAppointmentRequest, type BookingFormValues } from "@/lib/booking/schemas";
import { emergencyAdviceBeforeSending, emergencyCallHref, RED_FLAGS, type RedFlagCode } from "@/lib/triage/red-flags";
import type { ServiceGroup } from "@/lib/clinic/disciplines";
import { applyActionResult, callAction } from "../_components/forms";
import { SlotPicker, dayLabel, timeLabel } from "../_components/slot-picker";
import { EmailCodeFields, useEmailCode } from "./email-code";
import { Alert, Button, Field, cn, describedBy, inputClass } from "../_components/ui";
import { joinWaitlistAction, type JoinedData } from "@/lib/waitlist/actions";
import { WaitlistFormSchema, toJoinWaitlist } from "@/lib/waitlist/schemas";
import { DAY_PARTS, DAY_PART_LABELS, WEEKDAY_LABELS, describeWindows } from "@/lib/waitlist/windows";

interface ServiceOption {
  slug: string;
  name: string;
  description: string;
  durationMinutes: number;
  needsReview: boolean;
  group: ServiceGroup;
}
interface PractitionerOption {
  id: string;
  name: string;
  credentials: string | null;
  /** Where they work (slots are per location, in its zone). */
  locationIds: string[];
  services: string[];
}

const STEPS = ["Service", "Practitioner", "Day and time", "About your pain", "Your details", "Review"] as const;
// The fields each step must get right before moving on.
/** The booking answers, and the waitlist's windows when no time fits. */
type FormValues = BookingFormValues & { windows?: { weekdays: string[]; dayParts: string[]; until: string } };
const STEP_FIELDS: Array<Array<FieldPath<FormValues>>> = [["service"], ["practitionerChoice"], ["start", "practitionerId"], ["intake"], ["patient", "guardian"], []];
const FIELD_STEP = (field: string) =>
  field.startsWith("patient") || field.startsWith("guardian") || field === "emailCode"
    ? 4
    : field.startsWith("intake")
      ? 3
      : field === "start" || field === "practitionerId" || field.startsWith("windows")
        ? 2
        : field === "service"
          ? 0
          : 5;
const GROUP_LABELS: Record<ServiceGroup, string> = { spine_center: "Spine center", massage: "Massage" };
const EMERGENCY_CODES: readonly RedFlagCode[] = RED_FLAGS.filter((f) => f.priority === "emergency").map((f) => f.code);

/** Validates as a booking, or, once the patient chose "Join the waitlist" (the form's context), as a waitlist request. */
const bookingResolver = zodResolver(BookingFormSchema);
const waitlistResolver = zodResolver(WaitlistFormSchema);
const waitlistAwareResolver: Resolver<FormValues, { waitlist: boolean }> = (values, context, options) =>
  (context?.waitlist ? waitlistResolver : bookingResolver)(values as never, context, options as never) as never;

/** Emergency advice with a tap-to-call link; words true before anything is sent. */
function EmergencyAdvice({ emergencyNumber }: { emergencyNumber: string }) {
  return (
    <Alert tone="danger" role="none" title="Please seek emergency care now">
      <p>{emergencyAdviceBeforeSending(emergencyNumber)}</p>
      <p className="mt-3">
        <a href={emergencyCallHref(emergencyNumber)} className="inline-flex min-h-11 items-center rounded-lg bg-red-700 px-4 py-2 font-semibold text-white no-underline hover:bg-red-800">
          Call {emergencyNumber} now
        </a>
      </p>
    </Alert>
  );
}

export function BookingFlow({
  services,
  practitioners,
  locations,
  emergencyNumber,
  initialService,
  contact,
  mode = "patient",
  patientId,
  initialSlot,
}: {
  services: ServiceOption[];
  practitioners: PractitionerOption[];
  /** The clinic's locations, the main one first, each with its own zone. */
  locations: Array<{ id: string; name: string; timeZone: string; timeZoneLabel: string }>;
  emergencyNumber: string;
  initialService: string;
  contact: { name: string; email: string; phone: string; dateOfBirth: string } | null;
  /** "desk": the front desk books for a patient on the phone. */
  mode?: "patient" | "desk";
  /** The desk books from this patient's page: the booking joins their record (contact shown, not retyped). */
  patientId?: string;
  /** The desk clicked a free time on its calendar: that practitioner and time are chosen (the services they offer are listed). */
  initialSlot?: { start: string; practitionerId: string | null; locationId: string | null };
}) {
  const router = useRouter();
  // Buttons wait for the page to be interactive, so an early tap is never lost.
  const ready = useSyncExternalStore(
    () => () => {},
    () => true,
    () => false,
  );
  const [step, setStep] = useState(initialService ? 1 : 0);
  const [message, setMessage] = useState<string | null>(null);
  const [alternatives, setAlternatives] = useState<Alternative[] | null>(null);
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  // Not signed in: the visitor proves the email with a code before sending (the desk and patients skip it).
  const needsCode = mode === "patient" && !contact;
  const emailCode = useEmailCode();
  const heading = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);

  // "No time fits": the same answers go to the waitlist instead, with the days and times they can come.
  const [waitlist, setWaitlist] = useState(false);
  const [joined, setJoined] = useState<JoinedData | null>(null);
  const [untilDefault] = useState(() => new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10));

  const form = useForm<FormValues, { waitlist: boolean }>({
    resolver: waitlistAwareResolver,
    context: { waitlist },
    // Errors appear when the patient presses Continue (or sends), and are re-checked as they change an
    // answer — never when a field loses focus: a message appearing or vanishing on blur moves the page
    // between mouse-down and mouse-up, and the tap the patient was making (a pain score, Yes/No) is lost.
    mode: "onSubmit",
    defaultValues: {
      service: initialService,
      practitionerChoice: initialSlot?.practitionerId ?? "",
      practitionerId: initialSlot?.practitionerId ?? "",
      start: initialSlot?.practitionerId ? initialSlot.start : "",
      intake: { painStartedOn: "", painScore: undefined as unknown as number, worseWith: "", notes: "", answers: {} as BookingFormValues["intake"]["answers"] },
      patient: contact ?? { name: "", email: "", phone: "", dateOfBirth: "" },
      windows: { weekdays: ["1", "2", "3", "4", "5"], dayParts: ["morning", "afternoon", "evening"], until: untilDefault },
    },
  });
  const { register, setValue, trigger, handleSubmit, setError, control, formState, subscribe, getFieldState } = form;
  // An answer that shows an error is checked again as the patient changes it (not when they leave it).
  useEffect(
    () =>
      subscribe({
        formState: { values: true },
        callback: ({ name }) => {
          if (name && getFieldState(name as FieldPath<FormValues>).invalid) void trigger(name as FieldPath<FormValues>);
        },
      }),
    [subscribe, getFieldState, trigger],
  );
  // A signed-in patient books for themselves: the server uses their record, so its details are shown as
  // they are rather than offered for edits that would not be kept.
  const fromAccount = Boolean(contact) && (mode !== "desk" || Boolean(patientId));
  const painScore = useController({ control, name: "intake.painScore" });
  const errors = formState.errors;
  const [service, practitionerChoice, start, practitionerId, answers, dateOfBirth, windows] = useWatch({
    control,
    name: ["service", "practitionerChoice", "start", "practitionerId", "intake.answers", "patient.dateOfBirth", "windows"],
  });
  // Under 18: a parent or guardian consents, and the front desk confirms.
  const minor = /^\d{4}-\d{2}-\d{2}$/.test(dateOfBirth ?? "") && isMinorBirthDate(dateOfBirth!);
  useEffect(() => {
    // An adult's request carries no guardian, even one typed before the date of birth was corrected.
    if (!minor) setValue("guardian", undefined);
  }, [minor, setValue]);
  const chosenService = services.find((s) => s.slug === service);
  const slotPractitioner = initialSlot?.practitionerId ? (practitioners.find((p) => p.id === initialSlot.practitionerId) ?? null) : null;
  const [locationId, setLocationId] = useState(initialSlot?.locationId && locations.some((l) => l.id === initialSlot.locationId) ? initialSlot.locationId : (locations[0]?.id ?? ""));
  const location = locations.find((l) => l.id === locationId) ?? locations[0]!;
  const { timeZone, timeZoneLabel } = location;
  const offering = practitioners.filter((p) => p.services.includes(service) && (locations.length < 2 || p.locationIds.includes(location.id)));
  const emergency = EMERGENCY_CODES.some((code) => answers?.[code] === "yes");
  // The advice appears under the emergency question the patient answered Yes to last, where they are
  // looking (on a phone, the top of the step is far out of view).
  const [adviceAt, setAdviceAt] = useState<RedFlagCode | null>(null);
  const adviceCode = adviceAt && answers?.[adviceAt] === "yes" ? adviceAt : (EMERGENCY_CODES.find((code) => answers?.[code] === "yes") ?? null);
  const anyFlag = RED_FLAGS.some((f) => answers?.[f.code] === "yes");

  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    heading.current?.focus();
  }, [step]);

  async function next() {
    if (!(await trigger(step === 2 && waitlist ? ["windows"] : STEP_FIELDS[step], { shouldFocus: true }))) return;
    if (step === 4 && needsCode && !emailCode.ready(form.getValues("patient.email"))) return;
    setStep(step + 1);
  }

  function chooseSlot(slot: Alternative) {
    setValue("start", slot.start, { shouldValidate: true });
    setValue("practitionerId", slot.practitionerId, { shouldValidate: true });
  }

  const onSubmit = handleSubmit(
    async (values) => {
      setMessage(null);
      if (waitlist) {
        const joining = toJoinWaitlist(WaitlistFormSchema.parse(values));
        const result = await callAction(() => joinWaitlistAction(joining, needsCode ? emailCode.value() : undefined));
        if (result.ok) {
          setJoined(result.data);
          return;
        }
        if (result.error.fields?.emailCode) emailCode.fail(result.error.fields.emailCode);
        setMessage(applyActionResult(result, setError));
        const firstField = Object.keys(result.error.fields ?? {})[0];
        if (firstField) setStep(FIELD_STEP(firstField));
        return;
      }
      const request = toAppointmentRequest(BookingFormSchema.parse(values));
      const result: ActionResult<BookingActionData> = await callAction(() =>
        mode === "desk"
          ? bookForPatientAction({ request, idempotencyKey, ...(patientId ? { patientId } : {}) })
          : requestAppointmentAction(request, idempotencyKey, needsCode ? emailCode.value() : undefined),
      );
      if (result.ok && result.data.kind === "booked") {
        // The desk lands on its own page (what was booked, the manage link to send), not the patient's.
        router.push(mode === "desk" ? `/desk/appointments/${result.data.appointmentId}` : result.data.managePath);
        return;
      }
      if (result.ok && result.data.kind === "conflict") {
        setAlternatives(result.data.alternatives);
        setValue("start", "");
        setMessage(result.data.message);
        return;
      }
      if (!result.ok && result.error.fields?.emailCode) emailCode.fail(result.error.fields.emailCode);
      const error = applyActionResult(result, setError);
      setMessage(error);
      const firstField = Object.keys(result.ok ? {} : (result.error.fields ?? {}))[0];
      if (firstField) setStep(FIELD_STEP(firstField));
    },
    (invalid) => {
      const first = Object.keys(invalid)[0];
      if (first) setStep(FIELD_STEP(first));
    },
  );

  const practitionerName = (id: string) => practitioners.find((p) => p.id === id)?.name ?? "First available";

  if (joined) {
    return (
      <div className="mx-auto flex max-w-3xl flex-col gap-4" role="status">
        <h2 className="text-xl font-semibold">You are on the waitlist</h2>
        {joined.showEmergencyAdvice ? <EmergencyAdvice emergencyNumber={emergencyNumber} /> : null}
        <p>
          When a time for {chosenService?.name ?? "this service"} that fits your days opens up, we email {form.getValues("patient.email")} a link and hold the time for you for a while. Accept it with
          one click, or say no thanks and stay on the list.
        </p>
      </div>
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="mx-auto flex max-w-3xl flex-col gap-6">
      <ol className="flex flex-wrap gap-2 text-sm" aria-label="Progress">
        {STEPS.map((label, i) => (
          <li
            key={label}
            aria-current={i === step ? "step" : undefined}
            className={cn("rounded-full px-3 py-1", i === step ? "bg-brand-600 text-white" : i < step ? "bg-brand-100 text-brand-800" : "bg-slate-100 text-muted")}
          >
            {i + 1}. {label}
          </li>
        ))}
      </ol>

      <h2 ref={heading} tabIndex={-1} className="text-xl font-semibold outline-none">
        Step {step + 1} of {STEPS.length}: {STEPS[step]}
      </h2>

      {message ? (
        <Alert tone="danger" role="alert">
          {message}
        </Alert>
      ) : null}

      {step === 0 ? (
        <fieldset className="flex flex-col gap-6">
          <legend className="sr-only">Service</legend>
          {(["spine_center", "massage"] as const)
            .filter((group) => services.some((s) => s.group === group && (!slotPractitioner || slotPractitioner.services.includes(s.slug))))
            .map((group) => (
              <div key={group}>
                <h3 className="mb-2 text-lg font-semibold">{GROUP_LABELS[group]}</h3>
                <div className="grid gap-3 sm:grid-cols-2">
                  {services
                    .filter((s) => s.group === group && (!slotPractitioner || slotPractitioner.services.includes(s.slug)))
                    .map((s) => (
                      <label key={s.slug} className="flex cursor-pointer gap-3 rounded-xl border border-line bg-white p-4 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50">
                        <input
                          type="radio"
                          value={s.slug}
                          {...register("service", {
                            onChange: () => {
                              // From the calendar, the time and practitioner chosen there stay chosen.
                              setValue("start", slotPractitioner ? initialSlot!.start : "");
                              setValue("practitionerChoice", slotPractitioner?.id ?? "");
                              setValue("practitionerId", slotPractitioner?.id ?? "");
                            },
                          })}
                          className="mt-1 h-5 w-5 accent-brand-600"
                        />
                        <span>
                          <span className="block font-medium">{s.name}</span>
                          <span className="block text-sm text-muted">
                            {s.durationMinutes} min{s.needsReview ? " · a clinician reviews each request" : ""}
                          </span>
                        </span>
                      </label>
                    ))}
                </div>
              </div>
            ))}
          {errors.service ? <p className="font-medium text-red-700">{errors.service.message}</p> : null}
        </fieldset>
      ) : null}

      {step === 1 ? (
        <div className="flex flex-col gap-6">
          {locations.length > 1 ? (
            <fieldset className="flex flex-col gap-2">
              <legend className="mb-2">Where?</legend>
              {locations.map((l) => (
                <label key={l.id} className="flex min-h-11 cursor-pointer items-center gap-3 rounded-xl border border-line bg-white p-4 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50">
                  <input
                    type="radio"
                    name="location"
                    value={l.id}
                    checked={l.id === location.id}
                    onChange={() => {
                      setLocationId(l.id);
                      setValue("practitionerChoice", "");
                      setValue("start", "");
                    }}
                    className="h-5 w-5 accent-brand-600"
                  />
                  <span>
                    <span className="block font-medium">{l.name}</span>
                    <span className="block text-sm text-muted">Times in {l.timeZoneLabel}</span>
                  </span>
                </label>
              ))}
            </fieldset>
          ) : null}
          <fieldset className="flex flex-col gap-3">
            <legend className="mb-2">Who would you like to see for {chosenService?.name ?? "this service"}?</legend>
            {[{ id: "any", name: "First available", credentials: "Whoever is free first" }, ...offering].map((p) => (
              <label key={p.id} className="flex min-h-11 cursor-pointer items-center gap-3 rounded-xl border border-line bg-white p-4 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50">
                <input type="radio" value={p.id} {...register("practitionerChoice", { onChange: () => setValue("start", "") })} className="h-5 w-5 accent-brand-600" />
                <span>
                  <span className="block font-medium">{p.name}</span>
                  {p.credentials ? <span className="block text-sm text-muted">{p.credentials}</span> : null}
                </span>
              </label>
            ))}
            {errors.practitionerChoice ? <p className="font-medium text-red-700">{errors.practitionerChoice.message}</p> : null}
          </fieldset>
        </div>
      ) : null}

      {step === 2 ? (
        <div className="flex flex-col gap-3">
          <p id="slot-label">
            Free times for <strong>{chosenService?.name}</strong> with <strong>{practitionerChoice === "any" ? "the first available practitioner" : practitionerName(practitionerChoice)}</strong>.
            Times are in <strong>{timeZoneLabel}</strong>.
          </p>
          {waitlist ? (
            <fieldset className="flex flex-col gap-4 rounded-xl border border-line bg-white p-4">
              <legend className="px-1 font-semibold">Join the waitlist: when can you come?</legend>
              <p className="text-sm text-muted">We email you when a time like this frees up, and hold it for you. Times are in {timeZoneLabel}.</p>
              <fieldset>
                <legend className="font-medium">Days</legend>
                <div className="mt-1 flex flex-wrap gap-2">
                  {WEEKDAY_LABELS.map((label, i) => (
                    <label key={label} className="flex min-h-11 cursor-pointer items-center gap-2 rounded-lg border border-line px-3 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50">
                      <input type="checkbox" value={String(i + 1)} {...register("windows.weekdays")} className="h-5 w-5 accent-brand-600" />
                      {label}
                    </label>
                  ))}
                </div>
                {errors.windows?.weekdays ? <p className="mt-1 text-sm font-medium text-red-700">{errors.windows.weekdays.message}</p> : null}
              </fieldset>
              <fieldset>
                <legend className="font-medium">Parts of the day</legend>
                <div className="mt-1 flex flex-wrap gap-2">
                  {DAY_PARTS.map((part) => (
                    <label key={part} className="flex min-h-11 cursor-pointer items-center gap-2 rounded-lg border border-line px-3 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50">
                      <input type="checkbox" value={part} {...register("windows.dayParts")} className="h-5 w-5 accent-brand-600" />
                      {DAY_PART_LABELS[part]}
                    </label>
                  ))}
                </div>
                {errors.windows?.dayParts ? <p className="mt-1 text-sm font-medium text-red-700">{errors.windows.dayParts.message}</p> : null}
              </fieldset>
              <Field id="waitUntil" label="Keep looking until" error={errors.windows?.until?.message}>
                <input {...describedBy("waitUntil", { error: errors.windows?.until })} {...register("windows.until")} type="date" className={cn(inputClass, "sm:max-w-xs")} />
              </Field>
              <div>
                <Button type="button" variant="ghost" onClick={() => setWaitlist(false)}>
                  Back to the free times
                </Button>
              </div>
            </fieldset>
          ) : null}
          {waitlist ? null : (
            <SlotPicker
              service={service}
              practitionerId={practitionerChoice === "any" ? null : practitionerChoice}
              locationId={locations.length > 1 ? location.id : null}
              timeZone={timeZone}
              value={start ? { start, practitionerId, end: "" } : null}
              onSelect={chooseSlot}
              labelledBy="slot-label"
            />
          )}
          {start ? (
            <p role="status" className="font-medium">
              Chosen: {dayLabel(start.slice(0, 10))} at {timeLabel(start, timeZone)} with {practitionerName(practitionerId)}
            </p>
          ) : null}
          {errors.start && !waitlist ? <p className="font-medium text-red-700">{errors.start.message}</p> : null}
          {mode === "patient" && !waitlist ? (
            <p className="flex flex-wrap items-center gap-2">
              No time that suits you?
              <Button
                type="button"
                variant="secondary"
                onClick={() => {
                  setWaitlist(true);
                  setValue("start", "");
                }}
              >
                Join the waitlist
              </Button>
            </p>
          ) : null}
        </div>
      ) : null}

      {step === 3 ? (
        <div className="flex flex-col gap-5">
          <Field id="painStartedOn" label="When did this pain start?" hint="An approximate date is fine." error={errors.intake?.painStartedOn?.message}>
            <input {...describedBy("painStartedOn", { hint: true, error: errors.intake?.painStartedOn })} {...register("intake.painStartedOn")} type="date" className={inputClass} />
          </Field>
          <fieldset aria-describedby="painScore-hint">
            <legend className="font-medium">How bad is the pain right now?</legend>
            <p id="painScore-hint" className="text-sm text-muted">
              0 = no pain, 10 = the worst pain you can imagine.
            </p>
            <div className="mt-2 grid grid-cols-6 gap-2 sm:grid-cols-11">
              {Array.from({ length: 11 }, (_, n) => (
                <label
                  key={n}
                  className="flex min-h-11 cursor-pointer items-center justify-center rounded-lg border border-line bg-white has-[:checked]:border-brand-600 has-[:checked]:bg-brand-600 has-[:checked]:text-white has-[:focus-visible]:outline has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-brand-600"
                >
                  {/* Controlled: radio values are strings, the score is a number. */}
                  <input
                    type="radio"
                    name={painScore.field.name}
                    value={n}
                    checked={painScore.field.value === n}
                    onChange={() => painScore.field.onChange(n)}
                    onBlur={painScore.field.onBlur}
                    className="sr-only"
                  />
                  <span>
                    {n}
                    <span className="sr-only"> out of 10</span>
                  </span>
                </label>
              ))}
            </div>
            {errors.intake?.painScore ? <p className="mt-1 text-sm font-medium text-red-700">{errors.intake.painScore.message}</p> : null}
          </fieldset>
          <Field id="worseWith" label="What makes it worse? (optional)" hint="For example: sitting, bending, mornings." error={errors.intake?.worseWith?.message}>
            <input {...describedBy("worseWith", { hint: true, error: errors.intake?.worseWith })} {...register("intake.worseWith")} className={inputClass} />
          </Field>
          <div className="flex flex-col gap-3">
            <p className="font-medium">A few safety questions. Please answer each one.</p>
            {RED_FLAGS.map((flag) => (
              <fieldset key={flag.code} className="rounded-xl border border-line bg-white p-4">
                <legend className="px-1">{flag.question}</legend>
                <div className="mt-1 flex gap-4">
                  {(["yes", "no"] as const).map((answer) => (
                    <label key={answer} className="flex min-h-11 cursor-pointer items-center gap-2">
                      <input
                        type="radio"
                        value={answer}
                        {...register(`intake.answers.${flag.code}`, { onChange: () => setAdviceAt(answer === "yes" && EMERGENCY_CODES.includes(flag.code) ? flag.code : adviceAt) })}
                        className="h-5 w-5 accent-brand-600"
                      />
                      {answer === "yes" ? "Yes" : "No"}
                    </label>
                  ))}
                </div>
                {errors.intake?.answers?.[flag.code] ? <p className="text-sm font-medium text-red-700">{errors.intake.answers[flag.code]?.message}</p> : null}
                {EMERGENCY_CODES.includes(flag.code) ? (
                  // Always in the page, so screen readers announce what appears in it.
                  <div role="alert" aria-live="assertive" className={adviceCode === flag.code ? "mt-3" : undefined}>
                    {adviceCode === flag.code ? <EmergencyAdvice emergencyNumber={emergencyNumber} /> : null}
                  </div>
                ) : null}
              </fieldset>
            ))}
          </div>
          <Field id="notes" label="Anything else we should know? (optional)" error={errors.intake?.notes?.message}>
            <textarea {...describedBy("notes", { error: errors.intake?.notes })} {...register("intake.notes")} rows={3} className={inputClass} />
          </Field>
        </div>
      ) : null}

      {step === 4 && fromAccount ? (
        <p className="mb-3 text-muted">
          {mode === "desk"
            ? "The details on the patient's record; the confirmation goes to this email. Change them on the patient's page."
            : "These are the details on your record; the confirmation goes to this email. To change them, tell the front desk (call us or ask at your visit)."}
        </p>
      ) : null}
      {step === 4 ? (
        <div className="grid gap-5 sm:grid-cols-2">
          <Field id="name" label="Full name" error={errors.patient?.name?.message}>
            <input {...describedBy("name", { error: errors.patient?.name })} {...register("patient.name")} autoComplete="name" readOnly={fromAccount} className={inputClass} />
          </Field>
          <Field id="email" label="Email" hint="We send the confirmation and a link to change it here." error={errors.patient?.email?.message}>
            <input
              {...describedBy("email", { hint: true, error: errors.patient?.email })}
              {...register("patient.email")}
              type="email"
              autoComplete="email"
              readOnly={fromAccount}
              className={inputClass}
            />
          </Field>
          <Field id="phone" label="Phone" error={errors.patient?.phone?.message}>
            <input {...describedBy("phone", { error: errors.patient?.phone })} {...register("patient.phone")} type="tel" autoComplete="tel" readOnly={fromAccount} className={inputClass} />
          </Field>
          <Field id="dateOfBirth" label="Date of birth" error={errors.patient?.dateOfBirth?.message}>
            <input
              {...describedBy("dateOfBirth", { error: errors.patient?.dateOfBirth })}
              {...register("patient.dateOfBirth")}
              type="date"
              autoComplete="bday"
              readOnly={fromAccount}
              className={inputClass}
            />
          </Field>
          {needsCode ? <EmailCodeFields state={emailCode} email={form.getValues("patient.email")} /> : null}
          {minor ? (
            <fieldset className="flex flex-col gap-4 rounded-lg border border-line p-4 sm:col-span-2">
              <legend className="px-1 font-semibold">Parent or guardian</legend>
              <p className="text-sm text-muted">The patient is under 18: a parent or guardian gives consent, and our front desk confirms the appointment with them.</p>
              <Field id="guardianName" label="Parent's or guardian's full name" error={errors.guardian?.name?.message}>
                <input {...describedBy("guardianName", { error: errors.guardian?.name })} {...register("guardian.name")} autoComplete="off" className={inputClass} />
              </Field>
              <Field id="guardianRelationship" label="Relationship to the patient" error={errors.guardian?.relationship?.message}>
                <input
                  {...describedBy("guardianRelationship", { error: errors.guardian?.relationship })}
                  {...register("guardian.relationship")}
                  placeholder="for example mother, father, legal guardian"
                  className={inputClass}
                />
              </Field>
              <label className="flex items-start gap-3">
                <input type="checkbox" {...register("guardian.consent")} className="mt-1 size-5" aria-invalid={errors.guardian?.consent ? true : undefined} />
                <span>I am the patient&apos;s parent or legal guardian and I consent to this appointment.</span>
              </label>
              {errors.guardian?.consent ? <p className="text-sm font-medium text-red-700">{errors.guardian.consent.message}</p> : null}
            </fieldset>
          ) : null}
        </div>
      ) : null}

      {step === 5 ? (
        <div className="flex flex-col gap-4">
          {emergency ? (
            <div role="alert">
              <EmergencyAdvice emergencyNumber={emergencyNumber} />
            </div>
          ) : null}
          {alternatives?.length ? (
            <div className="rounded-xl border border-line bg-white p-4">
              <p className="mb-2 font-medium">The nearest free times:</p>
              <div className="flex flex-wrap gap-2">
                {alternatives.map((a) => (
                  <Button key={`${a.start}-${a.practitionerId}`} type="button" variant={start === a.start ? "primary" : "secondary"} onClick={() => chooseSlot(a)}>
                    {dayLabel(a.start.slice(0, 10), "short")}, {timeLabel(a.start, timeZone)} with {practitionerName(a.practitionerId)}
                  </Button>
                ))}
              </div>
            </div>
          ) : null}
          <dl className="grid gap-x-6 gap-y-2 rounded-xl border border-line bg-white p-5 sm:grid-cols-[auto_1fr]">
            <dt className="font-medium">Service</dt>
            <dd>{chosenService?.name}</dd>
            <dt className="font-medium">With</dt>
            <dd>{practitionerId ? practitionerName(practitionerId) : "—"}</dd>
            <dt className="font-medium">When</dt>
            <dd>
              {waitlist
                ? `Waitlist: ${describeWindows({ weekdays: (windows?.weekdays ?? []).map(Number), dayParts: windows?.dayParts ?? [] })}, until ${windows?.until ?? ""} (${timeZoneLabel})`
                : start
                  ? `${dayLabel(start.slice(0, 10))} at ${timeLabel(start, timeZone)} (${timeZoneLabel})`
                  : "Choose a time"}
            </dd>
            <dt className="font-medium">Contact</dt>
            <dd>
              {form.getValues("patient.name")} · {form.getValues("patient.email")} · {form.getValues("patient.phone")}
            </dd>
            {minor ? (
              <>
                <dt className="font-medium">Parent or guardian</dt>
                <dd className="break-words">
                  {form.getValues("guardian.name")} ({form.getValues("guardian.relationship")}), consents
                </dd>
              </>
            ) : null}
          </dl>
          <p>
            {waitlist
              ? "Nothing is booked yet: we email you a time that fits when one frees up, and hold it for you."
              : chosenService?.needsReview || anyFlag
                ? "This is a request: a clinician reviews it and we confirm by email, usually within one working day."
                : "If the time is still free, your appointment is confirmed straight away."}
          </p>
        </div>
      ) : null}

      <div className="flex flex-wrap justify-between gap-3 border-t border-line pt-4">
        {step > 0 ? (
          <Button type="button" variant="secondary" onClick={() => setStep(step - 1)}>
            Back
          </Button>
        ) : (
          <span />
        )}
        {/* Distinct keys: React must not turn the clicked Continue button into the submit button while the
            click is still being handled, or the browser would submit the form on that same click. */}
        {step < STEPS.length - 1 ? (
          <Button key="continue" type="button" onClick={next} disabled={!ready}>
            Continue
          </Button>
        ) : (
          <Button key="submit" type="submit" disabled={!ready || formState.isSubmitting || !(start || waitlist)}>
            {formState.isSubmitting ? "Sending…" : waitlist ? "Join the waitlist" : chosenService?.needsReview || anyFlag || (needsCode && !emailCode.value()) ? "Send request" : "Book appointment"}
          </Button>
        )}
      </div>
    </form>
  );
}
