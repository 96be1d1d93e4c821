import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { sendPortalInviteAction } from "@/lib/accounts/actions";
import { cancelReasonLabel, cancelReasonOptions } from "@/lib/appointments/cancel-words";
import { requireRole } from "@/lib/auth";
import { AREA_ROLES } from "@/lib/auth/roles";
import { CASE_STATUS_LABELS } from "@/lib/cases/status";
import { getDeskPatientPageData } from "@/lib/desk/views";
import { formatDateTime } from "@/lib/time";
import { verifyByDeskAction } from "@/lib/verification/actions";
import { ActionForm } from "../../../_components/action-form";
import { PriorityBadge, StatusBadge } from "../../../_components/appointments";
import { Badge, ButtonLink, Card, CardTitle, EmptyState, PageHeader, Table } from "../../../_components/ui";
import { AppointmentChanges } from "../../appointment-changes";
import { DeskNav } from "../../desk-nav";
import { ContactForm } from "./contact-form";
import { SeriesCard } from "../../../cases/[id]/series-card";
import { WaitlistForm } from "./waitlist-form";

export const metadata: Metadata = { title: "Patient" };

/** The desk's hub for one patient: book, contact details, visits (move, cancel), the case, requests to link. */
export default async function DeskPatientPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireRole("staff", "admin");
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const data = await getDeskPatientPageData({ viewer: user, patientId: id });
  if (!data) notFound();
  const { patient, upcoming, past, cases, counts, openCase, pendingRequests } = data;
  const reasons = cancelReasonOptions();
  // Case pages are the clinicians' (and admins'): the front desk sees the case's state, admins open it.
  const canOpenCases = (AREA_ROLES["/cases"] as readonly string[]).includes(user.role);
  return (
    <>
      <PageHeader title={patient.fullName} description={`${patient.email} · ${patient.phone} · born ${patient.dateOfBirth ?? "—"}`} />
      <DeskNav current="/desk/patients" />
      <div className="mb-6 flex flex-wrap items-center gap-3">
        {data.canEditContact ? <ButtonLink href={`/desk/book?patient=${patient.id}`}>Book for {patient.fullName}</ButtonLink> : null}
        {openCase ? (
          canOpenCases ? (
            <Link href={`/cases/${openCase.id}`} className="underline">
              Open case ({CASE_STATUS_LABELS[openCase.status]})
            </Link>
          ) : (
            <span>
              Open case: {CASE_STATUS_LABELS[openCase.status]} <PriorityBadge priority={openCase.priority} />
            </span>
          )
        ) : null}
        <p className="text-sm" aria-label="Attendance, last 12 months">
          Last 12 months: <strong>{counts.lateCancellations}</strong> late cancellation{counts.lateCancellations === 1 ? "" : "s"} · <strong>{counts.noShows}</strong> no-show
          {counts.noShows === 1 ? "" : "s"}
        </p>
      </div>
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <div className="flex flex-col gap-6">
          <section aria-labelledby="upcoming">
            <h2 id="upcoming" className="mb-3 text-xl font-semibold">
              Upcoming visits
            </h2>
            {upcoming.length ? (
              <ul className="flex flex-col gap-3">
                {upcoming.map((v) => (
                  <li key={v.id}>
                    <Card aria-label={`${v.serviceName} on ${formatDateTime(v.startsAt, v.timeZone)}`}>
                      <p className="mb-2 flex flex-wrap items-center gap-2">
                        <span className="font-medium">{formatDateTime(v.startsAt, v.timeZone)}</span> · {v.serviceName} · {v.practitionerName} <StatusBadge status={v.status} />
                      </p>
                      <AppointmentChanges
                        appointment={{
                          id: v.id,
                          serviceSlug: v.serviceSlug,
                          practitionerId: v.practitionerId,
                          label: `${v.serviceName} on ${formatDateTime(v.startsAt, v.timeZone)}`,
                          inSeries: Boolean(v.seriesId),
                        }}
                        practitioners={v.practitioners}
                        reasons={reasons}
                        timeZone={v.timeZone}
                      />
                    </Card>
                  </li>
                ))}
              </ul>
            ) : (
              <EmptyState>No upcoming visits.</EmptyState>
            )}
          </section>
          <Table caption="Past and cancelled visits">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Service</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {past.map((v) => (
                <tr key={v.id}>
                  <td className="whitespace-nowrap">{formatDateTime(v.startsAt, v.timeZone)}</td>
                  <td>
                    {v.serviceName} · {v.practitionerName}
                  </td>
                  <td>
                    <StatusBadge status={v.status} />
                    {v.status === "cancelled" && v.cancelReason ? <span className="ml-2 text-sm">{cancelReasonLabel(v.cancelReason)}</span> : null}
                    {v.status === "cancelled" && v.cancelledLate ? (
                      <Badge tone="warning" className="ml-2">
                        Late
                      </Badge>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
        <div className="flex flex-col gap-6">
          {data.canEditContact ? (
            <Card>
              <CardTitle>Contact details</CardTitle>
              <ContactForm patient={{ id: patient.id, name: patient.fullName, email: patient.email, phone: patient.phone }} />
            </Card>
          ) : null}
          {pendingRequests.length ? (
            <Card>
              <CardTitle>Unverified requests that may be theirs</CardTitle>
              <p className="mb-3 text-sm text-muted">Call the patient, check who you are speaking to, then link the request to this record.</p>
              <ul className="flex flex-col gap-4">
                {pendingRequests.map((r) => (
                  <li key={r.appointmentId}>
                    <p className="break-words text-sm">
                      {r.fullName}, born {r.dateOfBirth ?? "—"} · {r.email} · {r.phone} · for {formatDateTime(r.startsAt, r.timeZone)}
                    </p>
                    <ActionForm action={verifyByDeskAction} submitLabel="Verified by phone: link to this patient" variant="secondary">
                      <input type="hidden" name="appointmentId" value={r.appointmentId} />
                      <input type="hidden" name="patientId" value={patient.id} />
                    </ActionForm>
                  </li>
                ))}
              </ul>
            </Card>
          ) : null}
          {data.booking ? (
            openCase ? (
              <SeriesCard caseId={openCase.id} services={data.booking.services} practitioners={data.booking.practitioners} />
            ) : (
              <Card>
                <CardTitle>Book a plan of care</CardTitle>
                <p className="text-muted">A plan of care is booked for an open case. This patient has none: book a first visit, which opens one.</p>
              </Card>
            )
          ) : null}
          {data.booking ? <WaitlistForm patientId={patient.id} services={data.booking.services} practitioners={data.booking.practitioners} defaultUntil={data.booking.waitUntil} /> : null}
          <Card>
            <CardTitle>Episodes of care</CardTitle>
            <ul className="flex flex-col gap-2">
              {cases.map((c) => (
                <li key={c.id}>
                  {canOpenCases ? (
                    <Link href={`/cases/${c.id}`} className="underline">
                      {CASE_STATUS_LABELS[c.status]}
                    </Link>
                  ) : (
                    CASE_STATUS_LABELS[c.status]
                  )}{" "}
                  <PriorityBadge priority={c.priority} /> <span className="text-sm text-muted">since {c.openedAt.toISOString().slice(0, 10)}</span>
                </li>
              ))}
            </ul>
          </Card>
          <Card>
            <CardTitle>Portal access</CardTitle>
            {patient.userId ? (
              <p>Has a portal account.</p>
            ) : (
              <>
                <p className="mb-3 text-muted">No portal account yet. Once you are sure who you are speaking to, email {patient.email} a link to set one up (it works once, for a limited time).</p>
                <ActionForm action={sendPortalInviteAction} submitLabel="Email a portal invitation" pendingLabel="Sending…" success="Invitation sent.">
                  <input type="hidden" name="patientId" value={patient.id} />
                </ActionForm>
              </>
            )}
          </Card>
        </div>
      </div>
    </>
  );
}
