"use client";

import { startTransition, useActionState, type FormEvent } from "react";
import { createFeedAction } from "@/lib/calendar/actions";
import { Alert, Button, cn, inputClass } from "../_components/ui";

/** Names a new feed and shows its URL once (it is not stored, so it cannot be shown again). */
export function FeedCreateForm() {
  const [state, action, pending] = useActionState(createFeedAction, null);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => action(data));
  };
  const labelError = state && !state.ok ? state.error.fields?.label : undefined;
  return (
    <form action={action} onSubmit={submit} className="flex flex-col gap-3" noValidate>
      {state && !state.ok && !labelError ? (
        <Alert tone="danger" role="alert">
          {state.error.message}
        </Alert>
      ) : null}
      {state?.ok ? (
        <Alert tone="success" role="status" title={`Feed “${state.data.label}” created`}>
          <p className="mb-2">Copy this address into your calendar app now: it is shown only once.</p>
          <label className="flex flex-col gap-1 text-sm">
            Feed address
            <input readOnly value={state.data.url} className={cn(inputClass, "font-mono text-sm")} onFocus={(e) => e.currentTarget.select()} />
          </label>
        </Alert>
      ) : null}
      <label className="flex flex-col gap-1">
        Device or app
        <input
          name="label"
          maxLength={60}
          placeholder="e.g. Phone"
          aria-invalid={labelError ? true : undefined}
          aria-describedby={labelError ? "feed-label-error" : undefined}
          className={inputClass}
        />
      </label>
      {labelError ? (
        <p id="feed-label-error" className="text-sm font-medium text-red-700">
          {labelError}
        </p>
      ) : null}
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create a feed"}
        </Button>
      </div>
    </form>
  );
}
