import type { Metadata } from "next";
import { headers } from "next/headers";
import { clientIp } from "@/lib/http/ip";
import { getManagePageData } from "@/lib/booking/views";
import { nextStepFor, triageBooking } from "@/lib/triage/booking";
import { emergencyAdvice, asRedFlagCodes } from "@/lib/triage/red-flags";
import { describeTimeZone, formatDateTime, formatTimeWithZone, localDate } from "@/lib/time";
import { StatusBadge } from "../../_components/appointments";
import { Alert, Card, PageHeader } from "../../_components/ui";
import { ManageActions, ProposalBanner } from "./manage-actions";
import { VerifyCodeForm } from "./verify-code-form";
import { WaitlistJoin } from "./waitlist-join";

export const metadata: Metadata = { title: "Your appointment", robots: { index: false, follow: false } };
export const dynamic = "force-dynamic";

/** The heading says what is true now: a link opened right after booking, then cancelled, says cancelled. */
function manageTitle({ status, awaitingCode, isNew }: { status: string; awaitingCode: boolean; isNew: boolean }) {
  if (awaitingCode) return "Check your email";
  if (status === "cancelled") return "Appointment cancelled";
  if (isNew && status === "confirmed") return "You're booked";
  if (isNew && status === "requested") return "Request received";
  return "Your appointment";
}

/** Public, gated by the signed token in the link: see, cancel, move, add to calendar. */
export default async function ManagePage({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const { token } = await params;
  const { new: isNew, accepted, verified } = await searchParams;
  const { limited, state, emergencyNumber } = await getManagePageData({ token, ip: clientIp(await headers()) });
  if (limited) {
    return (
      <div className="mx-auto max-w-xl">
        <PageHeader title="Please wait a minute" />
        <p>This link was opened too many times from your connection. Try again in a minute.</p>
      </div>
    );
  }
  if (!state) {
    return (
      <div className="mx-auto max-w-xl">
        <PageHeader title="This link no longer works" />
        <p>Links to manage an appointment stop working once the appointment is over. If you need help, please call the clinic.</p>
      </div>
    );
  }
  const d = state.details;
  const awaitingCode = d.status === "requested" && d.verificationExpiresAt !== null;
  const triage = triageBooking({ redFlags: asRedFlagCodes(d.redFlags ?? []) });
  // The request's own answers only: a manage link shows nothing of the patient's wider record.
  const nextStep = nextStepFor({ status: d.status, showEmergencyAdvice: triage.showEmergencyAdvice, heldBecause: d.isHandsOn && triage.reasons.length ? ["hands_on_gate"] : [] });
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6">
      <PageHeader title={manageTitle({ status: d.status, awaitingCode, isNew: Boolean(isNew) })} />
      {verified && !awaitingCode ? (
        <Alert tone="success" role="status" title="Thank you: your email is confirmed">
          {d.status === "confirmed" ? "Your appointment is confirmed." : "Your request is with the clinic."}
        </Alert>
      ) : null}
      {awaitingCode ? (
        <Card>
          <VerifyCodeForm token={token} email={d.patientEmail} expiresAt={formatTimeWithZone(d.verificationExpiresAt!, d.timeZone)} />
        </Card>
      ) : null}
      {triage.showEmergencyAdvice && d.status !== "cancelled" ? (
        <Alert tone="danger" role="alert" title="Please seek emergency care now">
          {emergencyAdvice(emergencyNumber)}
        </Alert>
      ) : null}
      {accepted && !d.proposedStartsAt && (d.status === "confirmed" || d.status === "requested") ? (
        <Alert tone="success" role="status" title="You accepted the new time">
          {d.status === "confirmed" ? "Your appointment is confirmed at the new time." : "Your request is at the new time. The clinic confirms it once it has been reviewed."}
        </Alert>
      ) : null}
      <Card>
        <div className="mb-3 flex items-center justify-between gap-3">
          <h2 className="text-lg font-semibold">{d.serviceName}</h2>
          <StatusBadge status={d.status} />
        </div>
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[auto_1fr]">
          <dt className="font-medium">With</dt>
          <dd>{d.practitionerName}</dd>
          <dt className="font-medium">When</dt>
          <dd>
            {formatDateTime(d.startsAt, d.timeZone)} <span className="text-muted">({describeTimeZone(d.timeZone, d.startsAt)})</span>
          </dd>
          <dt className="font-medium">Where</dt>
          <dd>
            {d.locationName}, {d.locationAddress}
          </dd>
        </dl>
      </Card>
      <section aria-labelledby="next" hidden={awaitingCode}>
        <h2 id="next" className="mb-2 text-lg font-semibold">
          What happens next
        </h2>
        <p>
          {d.status === "cancelled"
            ? d.cancelledBy === "clinic"
              ? `The clinic could not accept this request${d.statusReason ? `: ${d.statusReason}` : "."} Please call us to find the right care.`
              : "This appointment is cancelled. You can book a new one any time."
            : d.status === "confirmed"
              ? "Your appointment is confirmed. Please arrive 10 minutes early."
              : nextStep}
        </p>
      </section>
      {d.proposedStartsAt && state.kind !== "cancelled" ? (
        <ProposalBanner token={token} proposed={`${formatDateTime(d.proposedStartsAt, d.timeZone)} (${describeTimeZone(d.timeZone, d.proposedStartsAt)})`} />
      ) : null}
      <ManageActions
        token={token}
        state={state.kind}
        serviceSlug={d.serviceSlug}
        practitionerId={d.practitionerId}
        timeZone={d.timeZone}
        timeZoneLabel={describeTimeZone(d.timeZone)}
        phone={d.locationPhone}
        cutoffHours={d.cancellationCutoffHours}
      />
      {awaitingCode || d.verificationExpiresAt ? null : (
        <WaitlistJoin token={token} serviceSlug={d.serviceSlug} practitionerId={d.practitionerId} practitionerName={d.practitionerName} defaultUntil={localDate(d.startsAt, d.timeZone)} />
      )}
    </div>
  );
}
