"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { changePasswordAction } from "@/lib/auth/actions";
import { ChangePasswordSchema, type ChangePasswordInput } from "@/lib/auth/schemas";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-policy";
import { applyActionResult, callAction } from "../_components/forms";
import { Alert, Button, Field, describedBy, inputClass } from "../_components/ui";

const FIELDS = [
  { name: "currentPassword", label: "Current password", autoComplete: "current-password", hint: undefined },
  { name: "newPassword", label: "New password", autoComplete: "new-password", hint: `At least ${MIN_PASSWORD_LENGTH} characters. A short sentence works well.` },
  { name: "confirmPassword", label: "New password again", autoComplete: "new-password", hint: undefined },
] as const;

export function ChangePasswordForm() {
  const router = useRouter();
  const [error, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<ChangePasswordInput>({ resolver: zodResolver(ChangePasswordSchema) });

  const onSubmit = handleSubmit(async (values) => {
    const result = await callAction(() => changePasswordAction(values));
    const message = applyActionResult(result, setError);
    if (message) setFormError(message);
    // Every session just ended, this one included: go and sign in with the new password.
    else router.replace("/login?passwordChanged=1");
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {error ? (
        <Alert tone="danger" role="alert">
          {error}
        </Alert>
      ) : null}
      {FIELDS.map((f) => (
        <Field key={f.name} id={f.name} label={f.label} hint={f.hint} error={errors[f.name]?.message}>
          <input {...describedBy(f.name, { hint: f.hint, error: errors[f.name] })} {...register(f.name)} type="password" autoComplete={f.autoComplete} className={inputClass} />
        </Field>
      ))}
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Changing…" : "Change password"}
      </Button>
    </form>
  );
}
