"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { signOutEverywhereAction } from "@/lib/auth/actions";
import { Button } from "../_components/ui";
import { callAction } from "../_components/forms";

export function SignOutEverywhere() {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="flex flex-col items-start gap-2">
      <Button
        type="button"
        variant="secondary"
        disabled={pending}
        onClick={() =>
          start(async () => {
            const result = await callAction(() => signOutEverywhereAction({ confirm: true }));
            if (result.ok) router.replace("/login?signedOut=1");
            else setError(result.error.message);
          })
        }
      >
        Sign out on every device
      </Button>
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
