import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { sendPortalInviteAction } from "@/lib/accounts/actions";
import { requireRole } from "@/lib/auth";
import { CASE_STATUS_LABELS } from "@/lib/cases/status";
import { getDeskPatientPageData } from "@/lib/desk/views";
import { formatDateTime } from "@/lib/time";
import { ActionForm } from "../../../_components/action-form";
import { PriorityBadge, StatusBadge } from "../../../_components/appointments";
import { Card, CardTitle, PageHeader, Table } from "../../../_components/ui";
import { DeskNav } from "../../desk-nav";

export const metadata: Metadata = { title: "Patient" };

export default async function DeskPatientPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireRole("staff", "admin");
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const data = await getDeskPatientPageData({ viewer: user, patientId: id });
  if (!data) notFound();
  const { patient, visits, cases } = data;
  return (
    <>
      <PageHeader title={patient.fullName} description={`${patient.email} · ${patient.phone} · born ${patient.dateOfBirth ?? "—"}`} />
      <DeskNav current="/desk/patients" />
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <Table caption="Appointments">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Service</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {visits.map((v) => (
              <tr key={v.id}>
                <td className="whitespace-nowrap">{formatDateTime(v.startsAt, v.timeZone)}</td>
                <td>
                  {v.serviceName} · {v.practitionerName}
                </td>
                <td>
                  <StatusBadge status={v.status} />
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
        <div className="flex flex-col gap-6">
          <Card>
            <CardTitle>Episodes of care</CardTitle>
            <ul className="flex flex-col gap-2">
              {cases.map((c) => (
                <li key={c.id}>
                  {CASE_STATUS_LABELS[c.status]} <PriorityBadge priority={c.priority} /> <span className="text-sm text-muted">since {c.openedAt.toISOString().slice(0, 10)}</span>
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
                <p className="mb-3 text-muted">
                  No portal account yet. Once you are sure who you are speaking to, email {patient.email} a link to set one up (it works once, for a
                  limited time).
                </p>
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
