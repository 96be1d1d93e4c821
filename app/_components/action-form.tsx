"use client";

import { createContext, useActionState, useContext, type ReactNode } from "react";
import type { ActionResult } from "@/lib/actions/result";
import { Alert, Button, cx } from "./ui";

const FieldErrors = createContext<Record<string, string>>({});

/**
 * A plain <form> posting to a server action (works without JavaScript). Shows the action's message above
 * the fields and each field's error under it (<FieldError name="...">).
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
  return (
    <form action={formAction} className={cx(inline ? "flex flex-wrap items-end gap-2" : "flex flex-col gap-3", className)} noValidate>
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
