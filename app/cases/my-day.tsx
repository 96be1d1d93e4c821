import Link from "next/link";
import type { DayVisit } from "@/lib/cases/my-day";
import { describeTimeZone, formatInZone } from "@/lib/time";
import { PRIORITY_LABELS } from "@/lib/triage/red-flags";
import { StatusBadge } from "../_components/appointments";
import { Badge, EmptyState, Table } from "../_components/ui";

/** The signed-in practitioner's appointments today, in each location's own time. */
export function MyDay({ visits }: { visits: DayVisit[] }) {
  const zones = [...new Set(visits.map((v) => v.timeZone))];
  return (
    <section aria-labelledby="my-day" className="mb-6">
      <h2 id="my-day" className="mb-2 text-xl font-semibold">
        My day ({visits.length})
      </h2>
      {visits.length ? (
        <Table caption={`Today's appointments · times in ${zones.map((z) => describeTimeZone(z)).join(" and ")}`}>
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Patient</th>
              <th scope="col">Service</th>
              <th scope="col">Where</th>
              <th scope="col">Red flags</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {visits.map((v) => (
              <tr key={v.id}>
                <td className="whitespace-nowrap">
                  <time dateTime={v.startsAt.toISOString()}>
                    {formatInZone(v.startsAt, v.timeZone, "h:mm a")}–{formatInZone(v.endsAt, v.timeZone, "h:mm a")}
                  </time>
                </td>
                <td>
                  {v.caseId ? (
                    <Link href={`/cases/${v.caseId}`} className="font-medium text-brand-700 underline">
                      {v.patientName}
                    </Link>
                  ) : (
                    v.patientName
                  )}
                </td>
                <td>{v.serviceName}</td>
                <td>
                  {v.locationName}
                  {v.roomName ? <span className="block text-sm text-muted">{v.roomName}</span> : null}
                </td>
                <td>
                  {v.flags.length ? (
                    <Badge tone="danger">
                      {v.flags.length} uncleared · worst:{" "}
                      {PRIORITY_LABELS[v.flags.some((f) => f.priority === "emergency") ? "emergency" : v.flags.some((f) => f.priority === "same_day") ? "same_day" : "within_48h"]}
                    </Badge>
                  ) : (
                    <span className="text-muted">None</span>
                  )}
                </td>
                <td className="whitespace-nowrap">
                  <StatusBadge status={v.status} /> {v.arrivedAt && v.status === "confirmed" ? <Badge tone="success">Arrived</Badge> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : (
        <EmptyState>No appointments for you today.</EmptyState>
      )}
    </section>
  );
}
