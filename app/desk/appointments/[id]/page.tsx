import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requireRole } from "@/lib/auth";
import { getDeskAppointmentPageData } from "@/lib/desk/views";
import { describeTimeZone, formatDateTime } from "@/lib/time";
import { StatusBadge } from "../../../_components/appointments";
import { Card, PageHeader } from "../../../_components/ui";
import { DeskNav } from "../../desk-nav";

export const metadata: Metadata = { title: "Appointment" };

/** Where a desk booking ends: what was booked, and the manage link to send the patient. */
export default async function DeskAppointmentPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireRole("staff", "admin");
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const data = await getDeskAppointmentPageData({ viewer: user, appointmentId: id });
  if (!data) notFound();
  const { details: a, manageUrl } = data;
  return (
    <>
      <PageHeader title={a.status === "confirmed" ? "Booked" : a.status === "requested" ? "Request made" : "Appointment"} description={`For ${a.patientName}`} />
      <DeskNav current="/desk/book" />
      <Card className="max-w-2xl">
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[auto_1fr]">
          <dt className="font-medium">Patient</dt>
          <dd>
            <Link href={`/desk/patients/${a.patientId}`} className="underline">
              {a.patientName}
            </Link>{" "}
            · {a.patientEmail}
          </dd>
          <dt className="font-medium">Service</dt>
          <dd>{a.serviceName}</dd>
          <dt className="font-medium">With</dt>
          <dd>{a.practitionerName}</dd>
          <dt className="font-medium">When</dt>
          <dd>
            {formatDateTime(a.startsAt, a.timeZone)} ({describeTimeZone(a.timeZone, a.startsAt)})
          </dd>
          <dt className="font-medium">Where</dt>
          <dd>
            {a.locationName}
            {a.roomName ? ` · ${a.roomName}` : ""}
          </dd>
          <dt className="font-medium">Status</dt>
          <dd>
            <StatusBadge status={a.status} />
          </dd>
        </dl>
        <h2 className="mt-6 mb-2 text-lg font-semibold">Manage link for the patient</h2>
        <p className="mb-2 text-sm text-muted">Emailed to the patient with the confirmation. Read it out or send it again if they ask: it lets them see, move or cancel the appointment.</p>
        <p className="rounded-lg border border-line bg-slate-50 p-3 font-mono text-sm break-all" aria-label="Manage link">
          {manageUrl}
        </p>
      </Card>
    </>
  );
}
