"use client";

import { createContext, startTransition, useActionState, useContext, useEffect, useRef, type FormEvent, type ReactNode } from "react";
import type { ActionResult } from "@/lib/actions/result";
import { Alert, Button, cn } from "./ui";

const FieldErrors = createContext<Record<string, string>>({});

/**
 * A plain <form> posting to a server action (works without JavaScript). Shows the action's message above
 * the fields and each field's error under it (<FieldError name="...">). With JavaScript it submits itself:
 * React resets a form after an `action` runs, even a failed one, which would throw away what the user
 * typed; here the fields are cleared only once the server has accepted them.
 */
export function ActionForm<T>({
  action,
  children,
  submitLabel,
  pendingLabel,
  success,
  variant = "primary",
  className,
  inline = false,
}: {
  action: (previous: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>;
  children?: ReactNode;
  submitLabel: string;
  pendingLabel?: string;
  success?: string;
  variant?: "primary" | "secondary" | "danger" | "ghost";
  className?: string;
  inline?: boolean;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const fields = state && !state.ok ? (state.error.fields ?? {}) : {};
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) form.current?.reset();
  }, [state]);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    startTransition(() => formAction(data));
  };
  return (
    <form ref={form} action={formAction} onSubmit={submit} className={cn(inline ? "flex flex-wrap items-end gap-2" : "flex flex-col gap-3", className)} noValidate>
      {state && !state.ok ? (
        <Alert tone="danger" role="alert" className={inline ? "w-full" : undefined}>
          {state.error.message}
        </Alert>
      ) : null}
      {state?.ok && success ? (
        <Alert tone="success" role="status" className={inline ? "w-full" : undefined}>
          {success}
        </Alert>
      ) : null}
      <FieldErrors.Provider value={fields}>{children}</FieldErrors.Provider>
      <div>
        <Button type="submit" variant={variant} disabled={pending}>
          {pending ? (pendingLabel ?? "Saving…") : submitLabel}
        </Button>
      </div>
    </form>
  );
}

export function FieldError({ name, id }: { name: string; id?: string }) {
  const message = useContext(FieldErrors)[name];
  return message ? (
    <p id={id} className="text-sm font-medium text-red-700">
      {message}
    </p>
  ) : null;
}
