"use client";

import { callAction } from "../../_components/forms";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { acceptProposalByTokenAction, cancelByTokenAction, rescheduleByTokenAction, type Alternative } from "@/lib/booking/actions";
import { SlotPicker, dayLabel, timeLabel, type PickedSlot } from "../../_components/slot-picker";
import { Alert, Button } from "../../_components/ui";

export function ManageActions({
  token,
  state,
  serviceSlug,
  practitionerId,
  timeZone,
  timeZoneLabel,
  phone,
  cutoffHours,
}: {
  token: string;
  state: "open" | "past_cutoff" | "cancelled";
  serviceSlug: string;
  practitionerId: string;
  timeZone: string;
  timeZoneLabel: string;
  phone: string | null;
  cutoffHours: number;
}) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [mode, setMode] = useState<"idle" | "confirm-cancel" | "reschedule">("idle");
  const [picked, setPicked] = useState<PickedSlot | null>(null);
  const [alternatives, setAlternatives] = useState<Alternative[]>([]);
  const [message, setMessage] = useState<{ tone: "success" | "danger"; text: string } | null>(null);

  const calendar = (
    <a href={`/manage/${token}/calendar.ics`} className="inline-flex min-h-11 items-center rounded-lg border border-line bg-white px-4 py-2 font-medium hover:bg-brand-50" download>
      Add to calendar (.ics)
    </a>
  );

  if (state === "cancelled") {
    return message ? (
      <Alert tone={message.tone} role={message.tone === "danger" ? "alert" : "status"}>
        {message.text}
      </Alert>
    ) : null;
  }
  if (state === "past_cutoff") {
    return (
      <div className="flex flex-col gap-3">
        <p>
          It is less than {cutoffHours} hours before your appointment, so it can no longer be changed online.{" "}
          {phone ? (
            <>
              Please call the clinic on <a href={`tel:${phone.replace(/\s/g, "")}`}>{phone}</a>.
            </>
          ) : (
            "Please call the clinic."
          )}
        </p>
        <div>{calendar}</div>
      </div>
    );
  }

  const cancel = () =>
    start(async () => {
      const result = await callAction(() => cancelByTokenAction({ token, reason: "" }));
      if (result.ok) {
        setMessage({ tone: "success", text: "Your appointment is cancelled. We have emailed you a confirmation." });
        setMode("idle");
        router.refresh();
      } else setMessage({ tone: "danger", text: result.error.message });
    });

  const reschedule = (slot: PickedSlot) =>
    start(async () => {
      const result = await callAction(() => rescheduleByTokenAction({ token, start: slot.start }));
      if (result.ok && result.data.kind === "done") {
        setMessage({ tone: "success", text: "Done — your appointment has its new time. We have emailed you the details." });
        setMode("idle");
        setPicked(null);
        router.refresh();
      } else if (result.ok && result.data.kind === "conflict") {
        // The taken time must not stay selected: the patient picks one of the alternatives (or another day).
        setPicked(null);
        setAlternatives(result.data.alternatives);
        setMessage({
          tone: "danger",
          text: result.data.alternatives.length
            ? "Sorry — that time is no longer free. Here are the nearest free times."
            : "Sorry — that time is no longer free, and nothing close to it is. Please choose another day.",
        });
      } else if (!result.ok) setMessage({ tone: "danger", text: result.error.message });
    });

  return (
    <section aria-labelledby="change" className="flex flex-col gap-4">
      <h2 id="change" className="text-lg font-semibold">
        Change or cancel
      </h2>
      {message ? (
        <Alert tone={message.tone} role={message.tone === "danger" ? "alert" : "status"}>
          {message.text}
        </Alert>
      ) : null}
      <div className="flex flex-wrap gap-3">
        {calendar}
        <Button type="button" variant="secondary" onClick={() => setMode(mode === "reschedule" ? "idle" : "reschedule")} aria-expanded={mode === "reschedule"}>
          Choose another time
        </Button>
        <Button type="button" variant="danger" onClick={() => setMode("confirm-cancel")}>
          Cancel appointment
        </Button>
      </div>
      <p className="text-sm text-muted">You can change or cancel online until {cutoffHours} hours before the appointment.</p>
      {mode === "confirm-cancel" ? (
        <div className="rounded-xl border border-red-300 bg-red-50 p-4" role="group" aria-labelledby="confirm-cancel">
          <p id="confirm-cancel" className="mb-3 font-medium">
            Cancel this appointment? The time becomes free for someone else.
          </p>
          <div className="flex gap-3">
            <Button type="button" variant="danger" onClick={cancel} disabled={pending}>
              {pending ? "Cancelling…" : "Yes, cancel it"}
            </Button>
            <Button type="button" variant="secondary" onClick={() => setMode("idle")}>
              Keep it
            </Button>
          </div>
        </div>
      ) : null}
      {mode === "reschedule" ? (
        <div className="flex flex-col gap-3 rounded-xl border border-line bg-white p-4">
          <p id="reschedule-label">Pick a new time. Times are in {timeZoneLabel}.</p>
          <SlotPicker service={serviceSlug} practitionerId={practitionerId} timeZone={timeZone} value={picked} onSelect={setPicked} labelledBy="reschedule-label" />
          {alternatives.length ? (
            <div className="flex flex-wrap gap-2">
              {alternatives.map((a) => (
                <Button key={a.start} type="button" variant="secondary" onClick={() => setPicked(a)}>
                  {dayLabel(a.start.slice(0, 10), "short")}, {timeLabel(a.start, timeZone)}
                </Button>
              ))}
            </div>
          ) : null}
          {picked ? (
            <div>
              <Button type="button" onClick={() => reschedule(picked)} disabled={pending}>
                {pending ? "Moving…" : `Move to ${dayLabel(picked.start.slice(0, 10), "short")} at ${timeLabel(picked.start, timeZone)}`}
              </Button>
            </div>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

/** The clinic proposed another time: one button to accept it. */
export function ProposalBanner({ token, proposed }: { token: string; proposed: string }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ tone: "success" | "danger"; text: string } | null>(null);
  return (
    <Alert tone="warning" title="The clinic proposes a new time" role="status">
      <p className="mb-3">{proposed}</p>
      {message ? (
        <p role={message.tone === "danger" ? "alert" : "status"} className="mb-2 font-medium">
          {message.text}
        </p>
      ) : null}
      <Button
        type="button"
        disabled={pending}
        onClick={() =>
          start(async () => {
            const result = await callAction(() => acceptProposalByTokenAction({ token, reason: "" }));
            if (result.ok) {
              // The banner goes away with the proposal: the page says what happened (?accepted).
              router.replace(`/manage/${token}?accepted=1`);
              router.refresh();
            } else setMessage({ tone: "danger", text: result.error.message });
          })
        }
      >
        {pending ? "Accepting…" : "Accept the new time"}
      </Button>
    </Alert>
  );
}
