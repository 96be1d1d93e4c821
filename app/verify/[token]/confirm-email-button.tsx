"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { verifyByLinkAction } from "@/lib/verification/actions";
import { callAction } from "../../_components/forms";
import { Alert, Button } from "../../_components/ui";

export function ConfirmEmailButton({ token }: { token: string }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="flex flex-col gap-3">
      {error ? (
        <Alert tone="danger" role="alert">
          {error}
        </Alert>
      ) : null}
      <div>
        <Button
          type="button"
          disabled={pending}
          onClick={() =>
            start(async () => {
              const result = await callAction(() => verifyByLinkAction({ token }));
              if (result.ok) router.push(`${result.data.managePath}?verified=1`);
              else setError(result.error.message);
            })
          }
        >
          {pending ? "Confirming…" : "Yes, it was me: send my request"}
        </Button>
      </div>
    </div>
  );
}
