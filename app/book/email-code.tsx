"use client";

import { useId, useState } from "react";
import { sendBookingCodeAction } from "@/lib/verification/actions";
import { callAction } from "../_components/forms";
import { Button, cn, inputClass } from "../_components/ui";

/**
 * /book without an account: the visitor asks for a code at their email address and types it before
 * sending, so the request can join their record (the same answer for any address; only its owner gets
 * the code).
 */
export function useEmailCode() {
  const [challenge, setChallenge] = useState<{ id: string; email: string } | null>(null);
  const [code, setCode] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [sentTo, setSentTo] = useState<{ email: string; minutes: number } | null>(null);
  return {
    challenge,
    code,
    error,
    sending,
    sentTo,
    setCode: (value: string) => {
      setCode(value.replace(/\D/g, "").slice(0, 6));
      setError(null);
    },
    async send(email: string) {
      setSending(true);
      setError(null);
      const result = await callAction(() => sendBookingCodeAction({ email }));
      setSending(false);
      if (result.ok) {
        setChallenge({ id: result.data.challengeId, email: email.toLowerCase() });
        setSentTo({ email, minutes: Math.round((new Date(result.data.expiresAt).getTime() - Date.now()) / 60_000) });
        setCode("");
      } else setError(result.error.message);
    },
    /**
     * Can the visitor move on? Without a code they may (the request then waits for the code from the
     * email, or for the desk's call); a code typed must be whole and for this address.
     */
    ready(email: string): boolean {
      if (!code) return true;
      if (!challenge || challenge.email !== email.trim().toLowerCase()) {
        setError("That code was sent to another address: ask for a code at this one.");
        return false;
      }
      if (!/^\d{6}$/.test(code)) {
        setError("Enter the 6-digit code from the email.");
        return false;
      }
      return true;
    },
    value: () => (challenge && /^\d{6}$/.test(code) ? { challengeId: challenge.id, code } : undefined),
    fail: (message: string) => setError(message),
  };
}

export function EmailCodeFields({ state, email }: { state: ReturnType<typeof useEmailCode>; email: string }) {
  const id = useId();
  return (
    <fieldset className="flex flex-col gap-3 rounded-lg border border-line p-4 sm:col-span-2">
      <legend className="px-1 font-semibold">Confirm your email</legend>
      <p className="text-sm text-muted">
        We email you a 6-digit code. It shows us the request really comes from you, so it can join your record. No code to hand? You can still send the request: it waits until you enter the code from
        the email, or until we call you.
      </p>
      <div>
        <Button type="button" variant="secondary" disabled={state.sending} onClick={() => state.send(email)}>
          {state.sending ? "Sending…" : state.sentTo ? "Send a new code" : "Email me a code"}
        </Button>
      </div>
      <p role="status" className="text-sm">
        {state.sentTo ? `We sent a code to ${state.sentTo.email}. It works for ${state.sentTo.minutes} minutes.` : ""}
      </p>
      <label htmlFor={id} className="font-medium">
        6-digit code
      </label>
      <input
        id={id}
        value={state.code}
        onChange={(e) => state.setCode(e.target.value)}
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={6}
        aria-invalid={state.error ? true : undefined}
        aria-describedby={`${id}-error`}
        className={cn(inputClass, "max-w-40 tracking-widest")}
      />
      <p id={`${id}-error`} className="min-h-5 text-sm font-medium text-red-700">
        {state.error ?? ""}
      </p>
    </fieldset>
  );
}
