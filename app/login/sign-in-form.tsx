"use client";

import { useActionState } from "react";
import { signInAction, type SignInState } from "@/lib/auth/actions";
import { Alert, Button, Field, describedBy, inputClass } from "../_components/ui";

/** Works without JavaScript (a plain form post); with it, errors appear without a reload. */
export function SignInForm({ next }: { next: string }) {
  const [state, action, pending] = useActionState<SignInState, FormData>(signInAction, {});
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      {state.error ? (
        <Alert tone="danger" role="alert">
          {state.error}
        </Alert>
      ) : null}
      <input type="hidden" name="next" value={next} />
      <Field id="email" label="Email" error={state.fields?.email}>
        <input {...describedBy("email", { error: state.fields?.email })} name="email" type="email" autoComplete="username" required defaultValue={state.email ?? ""} className={inputClass} />
      </Field>
      <Field id="password" label="Password" error={state.fields?.password}>
        <input {...describedBy("password", { error: state.fields?.password })} name="password" type="password" autoComplete="current-password" required className={inputClass} />
      </Field>
      <Button type="submit" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
