"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { verifyByTokenAction } from "@/lib/verification/actions";
import { callAction } from "../../_components/forms";
import { Button, cn, inputClass } from "../../_components/ui";

/** A request not yet verified: the code from the email, typed here. */
export function VerifyCodeForm({ token, email, expiresAt }: { token: string; email: string; expiresAt: string }) {
  const router = useRouter();
  const id = useId();
  const [code, setCode] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  return (
    <form
      className="flex flex-col gap-3"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        start(async () => {
          const result = await callAction(() => verifyByTokenAction({ token, code }));
          if (result.ok) {
            router.replace(`/manage/${token}?verified=1`);
            router.refresh();
          } else setError(result.error.message);
        });
      }}
    >
      <p>
        We sent a 6-digit code to <strong className="break-all">{email}</strong>. Enter it to send your request; the time is kept for you until {expiresAt}.
      </p>
      <label htmlFor={id} className="font-medium">
        6-digit code
      </label>
      <input
        id={id}
        value={code}
        onChange={(e) => setCode(e.target.value)}
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={6}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className={cn(inputClass, "max-w-40 text-lg tracking-widest")}
      />
      {error ? (
        <p role="alert" id={`${id}-error`} className="font-medium text-red-700">
          {error}
        </p>
      ) : null}
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Checking…" : "Send my request"}
        </Button>
      </div>
    </form>
  );
}
