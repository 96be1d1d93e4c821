"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { acceptOfferAction, declineOfferAction, leaveByOfferAction, type OfferAnswer } from "@/lib/waitlist/actions";
import { callAction } from "../../_components/forms";
import { Alert, Button } from "../../_components/ui";

const ANSWERS: Record<string, string> = {
  declined: "Thank you: the time goes to the next person. You are still on the waitlist.",
  accepted: "You already accepted this time: your booking is in your email.",
  expired: "The hold on this time ran out and it went to the next person. You are still on the waitlist.",
  taken: "Sorry, this time is no longer free. You are still on the waitlist: we will write again.",
  lost: "Sorry, this time is no longer free. You are still on the waitlist: we will write again.",
  withdrawn: "This offer was withdrawn by the clinic.",
};

/** Off the list altogether (shown whether or not the offer is still open). */
export function LeaveButton({ token }: { token: string }) {
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (done)
    return (
      <Alert tone="success" role="status">
        {done}
      </Alert>
    );
  return (
    <div>
      <Button
        type="button"
        variant="ghost"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          const result = await callAction(() => leaveByOfferAction({ token }));
          setBusy(false);
          setDone(result.ok ? "You are off the waitlist: we will not send more offers." : result.error.message);
        }}
      >
        Take me off the waitlist
      </Button>
    </div>
  );
}

export function OfferButtons({ token }: { token: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: "success" | "danger" | "info"; text: string } | null>(null);

  async function answer(action: typeof acceptOfferAction) {
    setBusy(true);
    const result = await callAction<OfferAnswer>(() => action({ token }));
    if (result.ok && result.data.kind === "booked") {
      router.push(result.data.managePath);
      return;
    }
    setBusy(false);
    if (!result.ok) setMessage({ tone: "danger", text: result.error.message });
    else setMessage({ tone: result.data.kind === "declined" ? "success" : "info", text: ANSWERS[result.data.kind === "gone" ? result.data.reason : result.data.kind] ?? ANSWERS.lost! });
  }

  if (message) {
    return (
      <Alert tone={message.tone} role="status">
        {message.text}
      </Alert>
    );
  }
  return (
    <div className="flex flex-wrap gap-3">
      <Button type="button" disabled={busy} onClick={() => answer(acceptOfferAction)}>
        {busy ? "Booking…" : "Accept this time"}
      </Button>
      <Button type="button" variant="secondary" disabled={busy} onClick={() => answer(declineOfferAction)}>
        No thanks
      </Button>
    </div>
  );
}
