"use client";

import { useActionState } from "react";
import { setPasswordAction, type SetPasswordState } from "@/lib/accounts/actions";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-policy";
import { Alert, Button, Field, cn, describedBy, inputClass } from "../../_components/ui";

const HINT = `At least ${MIN_PASSWORD_LENGTH} characters. A short sentence works well.`;

/** Works without JavaScript; on success the server signs the person in and sends them to their home page. */
export function SetPasswordForm({ token, email }: { token: string; email: string }) {
  const [state, action, pending] = useActionState<SetPasswordState, FormData>(setPasswordAction, null);
  const fields = state && !state.ok ? (state.error.fields ?? {}) : {};
  return (
    <form action={action} className="mt-4 flex flex-col gap-4" noValidate>
      {state && !state.ok ? (
        <Alert tone="danger" role="alert">
          {state.error.message}
        </Alert>
      ) : null}
      <input type="hidden" name="token" value={token} />
      <Field id="email" label="Your sign-in email">
        <input id="email" name="username" type="email" autoComplete="username" value={email} readOnly className={cn(inputClass, "bg-slate-50")} />
      </Field>
      <Field id="password" label="New password" hint={HINT} error={fields.password}>
        <input {...describedBy("password", { hint: HINT, error: fields.password })} name="password" type="password" autoComplete="new-password" required className={inputClass} />
      </Field>
      <Field id="confirmPassword" label="New password again" error={fields.confirmPassword}>
        <input {...describedBy("confirmPassword", { error: fields.confirmPassword })} name="confirmPassword" type="password" autoComplete="new-password" required className={inputClass} />
      </Field>
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save password and sign in"}
      </Button>
    </form>
  );
}
