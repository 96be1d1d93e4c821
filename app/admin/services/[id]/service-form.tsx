"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { createServiceAction, updateServiceAction } from "@/lib/clinic/actions";
import { DISCIPLINES, DISCIPLINE_LABELS } from "@/lib/clinic/disciplines";
import { ROOM_KINDS, ROOM_KIND_LABELS } from "@/lib/rooms/kinds";
import { ServiceFieldsSchema, ServiceSchema, type ServiceInput } from "@/lib/clinic/schemas";
import { applyActionResult, callAction } from "../../../_components/forms";
import { Alert, Button, ButtonLink, Field, describedBy, inputClass } from "../../../_components/ui";

const NUMBER_FIELDS = [
  { name: "durationMinutes", label: "Length (minutes)", hint: "How long the visit itself takes." },
  { name: "bufferBeforeMinutes", label: "Buffer before (minutes)", hint: "Room preparation before the visit." },
  { name: "bufferAfterMinutes", label: "Buffer after (minutes)", hint: "Room turnover after the visit." },
  { name: "minNoticeMinutes", label: "Minimum notice (minutes)", hint: "How far ahead patients must book online." },
  { name: "cancellationCutoffHours", label: "Cancellation cutoff (hours)", hint: "Patients can cancel or move online until this many hours before." },
] as const;

const FLAGS = [
  { name: "needsReview", label: "A clinician reviews each request before it is confirmed" },
  { name: "isHandsOn", label: "Hands-on care: never confirmed while the patient has an uncleared red flag" },
  { name: "isOnlineBookable", label: "Patients can book it online" },
  { name: "isActive", label: "Active (offered at all)" },
] as const;

/** Edits a service, or (without an id) makes a new one and opens it. */
export function ServiceForm({ service }: { service: ServiceInput | (Omit<ServiceInput, "id"> & { id?: undefined }) }) {
  const creating = !service.id;
  const router = useRouter();
  const [message, setMessage] = useState<{ tone: "success" | "danger"; text: string } | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<ServiceInput>({
    resolver: zodResolver(creating ? ServiceFieldsSchema : ServiceSchema) as never,
    // The select's "No room needed" is "" (null in the schema).
    defaultValues: { ...service, roomKind: (service.roomKind ?? "") as ServiceInput["roomKind"] } as ServiceInput,
  });

  const onSubmit = handleSubmit(async (values) => {
    if (creating) {
      const { id: _id, ...fields } = values;
      const result = await callAction(() => createServiceAction(fields));
      const error = applyActionResult(result, setError);
      if (error || !result.ok) setMessage({ tone: "danger", text: error ?? "The service could not be saved." });
      else router.push(`/admin/services/${result.data.id}`);
      return;
    }
    const result = await callAction(() => updateServiceAction(values));
    const error = applyActionResult(result, setError);
    setMessage(error ? { tone: "danger", text: error } : { tone: "success", text: "Saved." });
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex max-w-2xl flex-col gap-5">
      {message ? (
        <Alert tone={message.tone} role={message.tone === "danger" ? "alert" : "status"}>
          {message.text}
        </Alert>
      ) : null}
      {creating ? null : <input type="hidden" {...register("id")} />}
      <Field id="name" label="Name" error={errors.name?.message}>
        <input {...describedBy("name", { error: errors.name })} {...register("name")} className={inputClass} />
      </Field>
      <Field id="description" label="Description" hint="Shown to patients when they choose a service." error={errors.description?.message}>
        <textarea {...describedBy("description", { hint: true, error: errors.description })} {...register("description")} rows={3} className={inputClass} />
      </Field>
      <Field id="discipline" label="Discipline" error={errors.discipline?.message}>
        <select {...describedBy("discipline", { error: errors.discipline })} {...register("discipline")} className={inputClass}>
          {DISCIPLINES.map((d) => (
            <option key={d} value={d}>
              {DISCIPLINE_LABELS[d]}
            </option>
          ))}
        </select>
      </Field>
      <Field id="roomKind" label="Room needed" hint="Each visit holds a free room of this kind at the location; without one free, the time is not offered." error={errors.roomKind?.message}>
        <select {...describedBy("roomKind", { hint: true, error: errors.roomKind })} {...register("roomKind")} className={inputClass}>
          <option value="">No room needed</option>
          {ROOM_KINDS.map((k) => (
            <option key={k} value={k}>
              {ROOM_KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </Field>
      <div className="grid gap-5 sm:grid-cols-2">
        {NUMBER_FIELDS.map((f) => (
          <Field key={f.name} id={f.name} label={f.label} hint={f.hint} error={errors[f.name]?.message}>
            <input {...describedBy(f.name, { hint: true, error: errors[f.name] })} {...register(f.name, { valueAsNumber: true })} type="number" inputMode="numeric" min={0} className={inputClass} />
          </Field>
        ))}
      </div>
      <fieldset className="flex flex-col gap-3">
        <legend className="mb-2 font-medium">Booking rules</legend>
        {FLAGS.map((f) => (
          <label key={f.name} className="flex min-h-11 items-center gap-3">
            <input type="checkbox" {...register(f.name)} className="h-5 w-5 accent-brand-600" />
            {f.label}
          </label>
        ))}
      </fieldset>
      <div className="flex gap-3">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : creating ? "Create service" : "Save service"}
        </Button>
        <ButtonLink href="/admin/services" variant="secondary">
          Back to services
        </ButtonLink>
      </div>
    </form>
  );
}
