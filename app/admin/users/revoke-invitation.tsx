"use client";

import { useState, useTransition } from "react";
import { revokeInvitationAction } from "@/lib/accounts/actions";
import { Button } from "../../_components/ui";
import { callAction } from "../../_components/forms";

export function RevokeInvitation({ invitationId, email }: { invitationId: string; email: string }) {
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="flex flex-col items-start gap-1">
      <Button
        type="button"
        variant="secondary"
        disabled={pending}
        onClick={() =>
          start(async () => {
            const result = await callAction(() => revokeInvitationAction({ invitationId }));
            setError(result.ok ? null : result.error.message);
          })
        }
      >
        Revoke<span className="sr-only"> the invitation for {email}</span>
      </Button>
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
