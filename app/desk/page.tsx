import type { Metadata } from "next";
import { triageReasonText } from "@/lib/triage/assess";
import { requireRole } from "@/lib/auth";
import { DURATION_CLASS_LABELS } from "@/lib/cases/status";
import { DISCIPLINE_LABELS } from "@/lib/clinic/disciplines";
import { confirmRequestAction, declineRequestAction, markVisitAction, sendToReviewAction } from "@/lib/desk/actions";
import { getDeskPageData } from "@/lib/desk/views";
import Link from "next/link";
import { canConfirmAppointment, canStaffChangeAppointment } from "@/lib/appointments/policy";
import { cancelReasonOptions } from "@/lib/appointments/cancel-words";
import { verifyByDeskAction } from "@/lib/verification/actions";
import { whoCanClear } from "@/lib/red-flags/policy";
import { emergencyAdviceBeforeSending, PRIORITY_LABELS, RED_FLAGS } from "@/lib/triage/red-flags";
import { formatDateTime, formatInZone, formatTimeWithZone } from "@/lib/time";
import { ActionForm, FieldError } from "../_components/action-form";
import { PriorityBadge, StatusBadge } from "../_components/appointments";
import { Alert, Badge, Card, EmptyState, PageHeader, Table, inputClass } from "../_components/ui";
import { AppointmentChanges, ProposeTime } from "./appointment-changes";
import { DeskNav } from "./desk-nav";

export const metadata: Metadata = { title: "Front desk" };

function waited(since: Date, now: Date): string {
  const minutes = Math.max(0, Math.round((now.getTime() - since.getTime()) / 60_000));
  if (minutes < 60) return `${minutes} min`;
  if (minutes < 48 * 60) return `${Math.round(minutes / 60)} h`;
  return `${Math.round(minutes / 1440)} days`;
}

export default async function DeskPage() {
  const user = await requireRole("staff", "admin");
  const { requests, today, emergencyNumber, multipleLocations, offeringBySlug } = await getDeskPageData({ viewer: user });
  const now = new Date();
  const reasons = cancelReasonOptions();
  return (
    <>
      <PageHeader title="Front desk" description="Requests by priority, then by how long they have waited. Emergencies first." />
      <DeskNav current="/desk" />
      <section aria-labelledby="requests" className="mb-10">
        <h2 id="requests" className="mb-3 text-xl font-semibold">
          Requests to review ({requests.length})
        </h2>
        {requests.length ? (
          <ol className="flex flex-col gap-4" aria-label="Requests to review">
            {requests.map((r) => (
              <li key={r.id}>
                <Card className={r.priority === "emergency" ? "border-2 border-red-500" : undefined} aria-label={`Request from ${r.patientName}`}>
                  <div className="mb-2 flex flex-wrap items-center gap-2">
                    <PriorityBadge priority={r.priority} />
                    <h3 className="text-lg font-semibold">{r.patientName}</h3>
                    <span className="text-muted">{r.patientPhone}</span>
                    <span className="text-sm text-muted">· waiting {waited(r.createdAt, now)}</span>
                    {r.awaitingReview ? <Badge tone="warning">With clinicians for review</Badge> : null}
                    {r.awaitingVerification ? <Badge tone="danger">Unverified online request</Badge> : null}
                    {r.age ? <span className="text-sm">· age {r.age.age}</span> : null}
                    {r.age?.notes.map((n) => (
                      <Badge key={n.code} tone={n.code === "minor" ? "warning" : "info"} title={n.source}>
                        {n.label}
                      </Badge>
                    ))}
                  </div>
                  {r.triage.priority === "emergency" ? (
                    <Alert tone="danger" className="mb-3" title="Emergency: call the patient now">
                      The patient was shown this advice when booking: “{emergencyAdviceBeforeSending(emergencyNumber)}”
                    </Alert>
                  ) : null}
                  <p>
                    {r.serviceName} with {r.practitionerName} · {formatDateTime(r.startsAt, r.timeZone)}
                  </p>
                  <p className="text-sm">
                    {DURATION_CLASS_LABELS[r.triage.durationClass]} ({r.triage.weeksOfPain} weeks) · pain {r.painScore ?? "?"}/10 · suggested: {DISCIPLINE_LABELS[r.triage.suggestedDiscipline]}
                  </p>
                  <ul className="mb-3 list-disc pl-5 text-sm text-muted">
                    {r.triage.reasons.map((reason) => (
                      <li key={JSON.stringify(reason)}>{triageReasonText(reason)}</li>
                    ))}
                  </ul>
                  {r.awaitingVerification ? (
                    <Alert tone="warning" className="mb-3" title="Not verified: the sender has not confirmed their email yet">
                      <p className="mb-2">
                        Nothing of this request is on anyone&apos;s record yet. Call{" "}
                        <a href={`tel:${r.patientPhone.replace(/[^+\d]/g, "")}`} className="font-semibold underline">
                          {r.patientPhone}
                        </a>
                        , check who you are speaking to, then link the request.
                      </p>
                      <ActionForm action={verifyByDeskAction} submitLabel="Verified by phone: link the request" variant="secondary">
                        <input type="hidden" name="appointmentId" value={r.id} />
                        <fieldset className="flex flex-col gap-2">
                          <legend className="mb-1 font-medium">Whose request is it?</legend>
                          {r.linkCandidates.map((p) => (
                            <label key={p.id} className="flex items-start gap-2">
                              <input type="radio" name="patientId" value={p.id} className="mt-1" />
                              <span className="break-words">
                                {p.fullName}, born {p.dateOfBirth ?? "—"} · {p.email} · {p.phone}
                              </span>
                            </label>
                          ))}
                          <label className="flex items-start gap-2">
                            <input type="radio" name="patientId" value="new" className="mt-1" defaultChecked={r.linkCandidates.length === 0} />
                            <span>
                              A new patient: {r.patientName}, born {r.dateOfBirth ?? "—"}
                            </span>
                          </label>
                        </fieldset>
                        <FieldError name="patientId" />
                      </ActionForm>
                    </Alert>
                  ) : null}
                  {r.guardianName ? (
                    <p className="mb-2 text-sm break-words">
                      Parent or guardian: {r.guardianName} ({r.guardianRelationship}), consented online.
                    </p>
                  ) : null}
                  {r.blockers.length ? (
                    <Alert tone="danger" className="mb-3" title="Hands-on care on hold: cannot be confirmed yet">
                      <ul className="list-disc pl-5">
                        {r.blockers.map((b) => (
                          <li key={b.code}>
                            {RED_FLAGS.find((f) => f.code === b.code)?.question} ({PRIORITY_LABELS[b.priority].toLowerCase()}) — {whoCanClear(b.priority)} can clear it
                            {r.caseId ? (
                              <>
                                {" "}
                                on the{" "}
                                <Link href={`/cases/${r.caseId}`} className="underline">
                                  case page
                                </Link>
                              </>
                            ) : null}
                            .
                          </li>
                        ))}
                      </ul>
                    </Alert>
                  ) : null}
                  {r.proposedStartsAt ? <p className="mb-2 text-sm">Proposed to the patient: {formatDateTime(r.proposedStartsAt, r.timeZone)} (waiting for them to accept)</p> : null}
                  <div className="flex flex-wrap items-start gap-3">
                    {canConfirmAppointment(user, { status: "requested", blockers: r.blockers, awaitingVerification: r.awaitingVerification }) ? (
                      <ActionForm action={confirmRequestAction} submitLabel="Confirm" inline>
                        <input type="hidden" name="appointmentId" value={r.id} />
                      </ActionForm>
                    ) : null}
                    <ActionForm action={sendToReviewAction} submitLabel="Send to clinician review" variant="secondary" inline>
                      <input type="hidden" name="appointmentId" value={r.id} />
                    </ActionForm>
                    <ProposeTime
                      appointment={{ id: r.id, serviceSlug: r.serviceSlug, practitionerId: r.practitionerId, label: `${r.patientName}'s ${r.serviceName} request` }}
                      timeZone={r.timeZone}
                      initialDay={formatInZone(r.startsAt, r.timeZone, "yyyy-MM-dd")}
                    />
                    {canStaffChangeAppointment(user, { status: "requested", startsAt: r.startsAt }, now) ? (
                      <AppointmentChanges
                        appointment={{ id: r.id, serviceSlug: r.serviceSlug, practitionerId: r.practitionerId, label: `${r.patientName}'s ${r.serviceName} request` }}
                        practitioners={offeringBySlug[r.serviceSlug] ?? []}
                        reasons={reasons}
                        timeZone={r.timeZone}
                      />
                    ) : null}
                    <details>
                      <summary className="flex min-h-11 cursor-pointer items-center rounded-lg border border-line px-4">Decline</summary>
                      <ActionForm action={declineRequestAction} submitLabel="Decline and email the patient" variant="danger" className="mt-2">
                        <input type="hidden" name="appointmentId" value={r.id} />
                        <label className="flex flex-col gap-1 text-sm">
                          Reason (sent to the patient)
                          <textarea name="reason" rows={2} className={inputClass} />
                        </label>
                        <FieldError name="reason" />
                      </ActionForm>
                    </details>
                  </div>
                </Card>
              </li>
            ))}
          </ol>
        ) : (
          <EmptyState>No requests waiting.</EmptyState>
        )}
      </section>

      <section aria-labelledby="today">
        <h2 id="today" className="mb-3 text-xl font-semibold">
          Today&apos;s visits
        </h2>
        {today.length ? (
          <Table caption="Today's visits">
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Patient</th>
                <th scope="col">Service</th>
                <th scope="col">Status</th>
                <th scope="col">Mark</th>
              </tr>
            </thead>
            <tbody>
              {today.map((v) => (
                <tr key={v.id}>
                  <td className="whitespace-nowrap">{formatTimeWithZone(v.startsAt, v.timeZone)}</td>
                  <td>{v.patientName}</td>
                  <td>
                    {v.serviceName} · {v.practitionerName}
                    {multipleLocations ? <span className="block text-sm text-muted">{v.locationName}</span> : null}
                  </td>
                  <td>
                    <StatusBadge status={v.status} /> {v.arrivedAt ? <Badge tone="info">Arrived {formatInZone(v.arrivedAt, v.timeZone, "h:mm a")}</Badge> : null}
                  </td>
                  <td>
                    {canStaffChangeAppointment(user, v, now) ? (
                      <div className="mb-2">
                        <AppointmentChanges
                          appointment={{
                            id: v.id,
                            serviceSlug: v.serviceSlug,
                            practitionerId: v.practitionerId,
                            label: `${v.patientName}'s ${formatTimeWithZone(v.startsAt, v.timeZone)} ${v.serviceName}`,
                          }}
                          practitioners={offeringBySlug[v.serviceSlug] ?? []}
                          reasons={reasons}
                          timeZone={v.timeZone}
                        />
                      </div>
                    ) : null}
                    {v.status === "confirmed" ? (
                      <div className="flex flex-wrap gap-2">
                        {(v.arrivedAt ? (["completed", "no_show"] as const) : (["arrived", "completed", "no_show"] as const)).map((mark) => (
                          <ActionForm key={mark} action={markVisitAction} submitLabel={mark === "arrived" ? "Arrived" : mark === "completed" ? "Completed" : "No-show"} variant="secondary" inline>
                            <input type="hidden" name="appointmentId" value={v.id} />
                            <input type="hidden" name="mark" value={mark} />
                          </ActionForm>
                        ))}
                      </div>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        ) : (
          <EmptyState>No visits today.</EmptyState>
        )}
      </section>
    </>
  );
}
