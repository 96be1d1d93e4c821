import type { AppointmentListItem } from "@/lib/appointments/queries";
import { APPOINTMENT_STATUS_LABELS, type AppointmentStatus } from "@/lib/appointments/status";
import { formatDateTime } from "@/lib/time";
import { PRIORITY_LABELS, type Priority } from "@/lib/triage/red-flags";
import { Badge, EmptyState, Table } from "./ui";

const STATUS_TONE: Record<AppointmentStatus, "neutral" | "info" | "success" | "warning" | "danger"> = {
  requested: "warning",
  confirmed: "success",
  cancelled: "neutral",
  completed: "info",
  no_show: "danger",
};

const PRIORITY_TONE: Record<Priority, "neutral" | "info" | "success" | "warning" | "danger"> = {
  emergency: "danger",
  same_day: "warning",
  within_48h: "info",
  routine: "neutral",
};

export function PriorityBadge({ priority }: { priority: Priority }) {
  return <Badge tone={PRIORITY_TONE[priority]}>{PRIORITY_LABELS[priority]}</Badge>;
}

export function StatusBadge({ status }: { status: AppointmentStatus }) {
  return <Badge tone={STATUS_TONE[status]}>{APPOINTMENT_STATUS_LABELS[status]}</Badge>;
}

/** Appointments as a table; times in each appointment's location zone. */
export function AppointmentTable({
  caption,
  items,
  show,
  empty,
}: {
  caption: string;
  items: Array<AppointmentListItem & { managePath?: string | null }>;
  show: { patient?: boolean; practitioner?: boolean; priority?: boolean; manage?: boolean };
  empty: string;
}) {
  if (!items.length) return <EmptyState>{empty}</EmptyState>;
  return (
    <Table caption={caption}>
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">Service</th>
          {show.practitioner ? <th scope="col">With</th> : null}
          {show.patient ? <th scope="col">Patient</th> : null}
          {show.priority ? <th scope="col">Priority</th> : null}
          <th scope="col">Status</th>
          {show.manage ? (
            <th scope="col">
              <span className="sr-only">Change</span>
            </th>
          ) : null}
        </tr>
      </thead>
      <tbody>
        {items.map((a) => (
          <tr key={a.id}>
            <td className="whitespace-nowrap">
              <time dateTime={a.startsAt.toISOString()}>{formatDateTime(a.startsAt, a.timeZone)}</time>
            </td>
            <td>{a.serviceName}</td>
            {show.practitioner ? <td>{a.practitionerName}</td> : null}
            {show.patient ? <td>{a.patientName}</td> : null}
            {show.priority ? <td>{a.priority ? <PriorityBadge priority={a.priority} /> : <span className="text-muted">—</span>}</td> : null}
            <td>
              <StatusBadge status={a.status} />
            </td>
            {show.manage ? (
              <td>
                {a.managePath ? (
                  <a href={a.managePath} className="whitespace-nowrap text-brand-700 underline" aria-label={`Change or cancel ${a.serviceName} on ${formatDateTime(a.startsAt, a.timeZone)}`}>
                    Change or cancel
                  </a>
                ) : null}
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
