"use client";

import { useActionState } from "react";
import { requestPasswordResetAction, type ForgotPasswordState } from "@/lib/accounts/actions";
import { Alert, Button, Field, describedBy, inputClass } from "../../_components/ui";

/** A plain form (works without JavaScript); the answer is the same whether or not the address has an account. */
export function ForgotPasswordForm() {
  const [state, action, pending] = useActionState<ForgotPasswordState | null, FormData>(requestPasswordResetAction, null);
  const fieldError = state && !state.ok ? state.error.fields?.email : undefined;
  if (state?.ok) {
    return (
      <Alert tone="success" role="status">
        {state.data.message}
      </Alert>
    );
  }
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      {state && !state.ok && !fieldError ? (
        <Alert tone="danger" role="alert">
          {state.error.message}
        </Alert>
      ) : null}
      <Field id="email" label="Email" error={fieldError}>
        <input {...describedBy("email", { error: fieldError })} name="email" type="email" autoComplete="username" required defaultValue={state?.email ?? ""} className={inputClass} />
      </Field>
      <Button type="submit" disabled={pending}>
        {pending ? "Sending…" : "Email me a link"}
      </Button>
    </form>
  );
}
