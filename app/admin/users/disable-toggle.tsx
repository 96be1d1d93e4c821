"use client";

import { useState, useTransition } from "react";
import { setUserDisabledAction } from "@/lib/accounts/actions";
import { Button } from "../../_components/ui";
import { callAction } from "../../_components/forms";

export function DisableToggle({ userId, email, disabled }: { userId: string; email: string; disabled: boolean }) {
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="flex flex-col items-start gap-1">
      <Button
        type="button"
        variant={disabled ? "secondary" : "danger"}
        disabled={pending}
        onClick={() =>
          start(async () => {
            const result = await callAction(() => setUserDisabledAction({ userId, disabled: !disabled }));
            setError(result.ok ? null : result.error.message);
          })
        }
      >
        {disabled ? "Enable" : "Disable"}
        <span className="sr-only"> {email}</span>
      </Button>
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
