"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useFieldArray, useForm, useWatch, type Control, type FieldErrors, type UseFormRegister } from "react-hook-form";
import { saveWeeklyHoursAction } from "@/lib/clinic/actions";
import { WeeklyHoursSchema, type WeeklyHoursInput } from "@/lib/clinic/schemas";
import { WEEKDAY_LONG } from "@/lib/clinic/weekdays";
import { applyActionResult, callAction } from "../../../_components/forms";
import { Alert, Button, ButtonLink, Field, describedBy, inputClass } from "../../../_components/ui";

export function HoursForm({ defaults, locations, today }: { defaults: WeeklyHoursInput; locations: Array<{ id: string; name: string }>; today: string }) {
  const [message, setMessage] = useState<{ tone: "success" | "danger"; text: string } | null>(null);
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<WeeklyHoursInput>({ resolver: zodResolver(WeeklyHoursSchema), defaultValues: defaults });

  const onSubmit = handleSubmit(async (values) => {
    const result = await callAction(() => saveWeeklyHoursAction(values));
    const error = applyActionResult(result, setError);
    setMessage(error ? { tone: "danger", text: error } : { tone: "success", text: `Saved. The new hours apply from ${values.effectiveFrom}.` });
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-6">
      {message ? (
        <Alert tone={message.tone} role={message.tone === "danger" ? "alert" : "status"}>
          {message.text}
        </Alert>
      ) : null}
      <input type="hidden" {...register("practitionerId")} />
      <div className="grid gap-5 sm:grid-cols-2">
        <Field id="locationId" label="Location" error={errors.locationId?.message}>
          <select {...describedBy("locationId", { error: errors.locationId })} {...register("locationId")} className={inputClass}>
            {locations.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </select>
        </Field>
        <Field id="effectiveFrom" label="Applies from" hint="Earlier weeks keep their hours." error={errors.effectiveFrom?.message}>
          <input {...describedBy("effectiveFrom", { hint: true, error: errors.effectiveFrom })} {...register("effectiveFrom")} type="date" min={today} className={inputClass} />
        </Field>
      </div>
      <div className="flex flex-col gap-4">
        {defaults.days.map((d, index) => (
          <DayRow key={d.weekday} index={index} weekday={d.weekday} control={control} register={register} errors={errors} />
        ))}
      </div>
      <div className="flex gap-3">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : "Save hours"}
        </Button>
        <ButtonLink href="/admin/practitioners" variant="secondary">
          Back
        </ButtonLink>
      </div>
    </form>
  );
}

function DayRow({
  index,
  weekday,
  control,
  register,
  errors,
}: {
  index: number;
  weekday: number;
  control: Control<WeeklyHoursInput>;
  register: UseFormRegister<WeeklyHoursInput>;
  errors: FieldErrors<WeeklyHoursInput>;
}) {
  const isWorking = useWatch({ control, name: `days.${index}.isWorking` });
  const breaks = useFieldArray({ control, name: `days.${index}.breaks` });
  const dayErrors = errors.days?.[index];
  const name = WEEKDAY_LONG[weekday];
  const id = (field: string) => `days-${index}-${field}`;
  return (
    <fieldset className="rounded-xl border border-line bg-white p-4">
      <legend className="px-1 font-semibold">{name}</legend>
      <label className="flex min-h-11 items-center gap-3">
        <input type="checkbox" {...register(`days.${index}.isWorking`)} className="h-5 w-5 accent-brand-600" />
        Works on {name}
      </label>
      {isWorking ? (
        <div className="mt-3 flex flex-col gap-3">
          <div className="grid gap-3 sm:grid-cols-2">
            <Field id={id("start")} label="Starts" error={dayErrors?.start?.message}>
              <input {...describedBy(id("start"), { error: dayErrors?.start })} {...register(`days.${index}.start`)} type="time" className={inputClass} />
            </Field>
            <Field id={id("end")} label="Ends" error={dayErrors?.end?.message}>
              <input {...describedBy(id("end"), { error: dayErrors?.end })} {...register(`days.${index}.end`)} type="time" className={inputClass} />
            </Field>
          </div>
          {breaks.fields.map((field, b) => (
            <div key={field.id} className="grid items-end gap-3 sm:grid-cols-[1fr_1fr_auto]">
              <Field id={id(`break-${b}-start`)} label={`Break ${b + 1} starts`} error={dayErrors?.breaks?.[b]?.start?.message}>
                <input {...describedBy(id(`break-${b}-start`), { error: dayErrors?.breaks?.[b]?.start })} {...register(`days.${index}.breaks.${b}.start`)} type="time" className={inputClass} />
              </Field>
              <Field id={id(`break-${b}-end`)} label={`Break ${b + 1} ends`} error={dayErrors?.breaks?.[b]?.end?.message}>
                <input {...describedBy(id(`break-${b}-end`), { error: dayErrors?.breaks?.[b]?.end })} {...register(`days.${index}.breaks.${b}.end`)} type="time" className={inputClass} />
              </Field>
              <Button type="button" variant="secondary" onClick={() => breaks.remove(b)}>
                Remove break {b + 1}
              </Button>
            </div>
          ))}
          {dayErrors?.breaks?.message ? <p className="text-sm font-medium text-red-700">{dayErrors.breaks.message}</p> : null}
          {breaks.fields.length < 4 ? (
            <div>
              <Button type="button" variant="ghost" onClick={() => breaks.append({ start: "12:00", end: "12:30" })}>
                Add a break on {name}
              </Button>
            </div>
          ) : null}
        </div>
      ) : null}
    </fieldset>
  );
}
