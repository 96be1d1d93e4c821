"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { updatePatientContactAction } from "@/lib/patients/actions";
import { UpdateContactSchema, type UpdateContactInput } from "@/lib/patients/schemas";
import { applyActionResult, callAction } from "../../../_components/forms";
import { Alert, Button, Field, describedBy, inputClass } from "../../../_components/ui";

/** The desk edits a patient's name, email and phone (audited: which fields changed). */
export function ContactForm({ patient }: { patient: { id: string; name: string; email: string; phone: string } }) {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<UpdateContactInput>({
    resolver: zodResolver(UpdateContactSchema),
    defaultValues: { patientId: patient.id, name: patient.name, email: patient.email, phone: patient.phone },
  });
  const errors = formState.errors;
  const onSubmit = handleSubmit(async (values) => {
    setMessage(null);
    setSaved(null);
    const result = await callAction(() => updatePatientContactAction(values));
    setMessage(applyActionResult(result, setError));
    if (result.ok) {
      setSaved(result.data.changed.length ? "Contact details saved." : "Nothing changed.");
      router.refresh();
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3" aria-label="Contact details">
      {message ? (
        <Alert tone="danger" role="alert">
          {message}
        </Alert>
      ) : null}
      {saved ? (
        <Alert tone="success" role="status">
          {saved}
        </Alert>
      ) : null}
      <Field id="contact-name" label="Full name" error={errors.name?.message}>
        <input {...describedBy("contact-name", { error: errors.name })} {...register("name")} autoComplete="off" className={inputClass} />
      </Field>
      <Field id="contact-email" label="Email" error={errors.email?.message}>
        <input {...describedBy("contact-email", { error: errors.email })} {...register("email")} type="email" autoComplete="off" className={inputClass} />
      </Field>
      <Field id="contact-phone" label="Phone" error={errors.phone?.message}>
        <input {...describedBy("contact-phone", { error: errors.phone })} {...register("phone")} type="tel" autoComplete="off" className={inputClass} />
      </Field>
      <div>
        <Button type="submit" variant="secondary" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? "Saving…" : "Save contact details"}
        </Button>
      </div>
    </form>
  );
}
