import type { AppointmentListItem } from "@/lib/appointments/queries";
import { APPOINTMENT_STATUS_LABELS, type AppointmentStatus } from "@/lib/appointments/status";
import { formatDateTime } from "@/lib/time";
import { Badge, EmptyState, Table } from "./ui";

const STATUS_TONE: Record<AppointmentStatus, "neutral" | "info" | "success" | "warning" | "danger"> = {
  requested: "warning",
  confirmed: "success",
  cancelled: "neutral",
  completed: "info",
  no_show: "danger",
};

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
  items: AppointmentListItem[];
  show: { patient?: boolean; practitioner?: boolean };
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
          <th scope="col">Status</th>
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
            <td>
              <StatusBadge status={a.status} />
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
