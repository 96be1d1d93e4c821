import type { Metadata } from "next";
import Link from "next/link";
import { requireRole } from "@/lib/auth";
import { DISCIPLINE_LABELS } from "@/lib/clinic/disciplines";
import { ROOM_KIND_LABELS } from "@/lib/rooms/kinds";
import { Badge, ButtonLink, PageHeader, Table } from "../../_components/ui";
import { AdminNav } from "../admin-nav";
import { getServicesPageData } from "@/lib/admin/views";

export const metadata: Metadata = { title: "Services" };

export default async function AdminServicesPage() {
  await requireRole("admin");
  const { services } = await getServicesPageData();
  return (
    <>
      <PageHeader title="Services" description="What patients can book, for how long, and with which rules." actions={<ButtonLink href="/admin/services/new">Add a service</ButtonLink>} />
      <AdminNav current="/admin/services" />
      <Table caption="Services">
        <thead>
          <tr>
            <th scope="col">Service</th>
            <th scope="col">Discipline</th>
            <th scope="col">Length</th>
            <th scope="col">Buffers</th>
            <th scope="col">Room needed</th>
            <th scope="col">Booking</th>
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {services.map((s) => (
            <tr key={s.id}>
              <td>
                <span className="font-medium">{s.name}</span>
                <br />
                <span className="text-muted">{s.slug}</span>
              </td>
              <td>{DISCIPLINE_LABELS[s.discipline]}</td>
              <td>{s.durationMinutes} min</td>
              <td>
                {s.bufferBeforeMinutes} / {s.bufferAfterMinutes} min
              </td>
              <td>{s.roomKind ? ROOM_KIND_LABELS[s.roomKind] : <span className="text-muted">None</span>}</td>
              <td className="space-x-1">
                {!s.isActive ? <Badge>Inactive</Badge> : s.isOnlineBookable ? <Badge tone="success">Online</Badge> : <Badge>Desk only</Badge>}
                {s.needsReview ? <Badge tone="info">Review</Badge> : null}
                {s.isHandsOn ? <Badge tone="warning">Hands-on</Badge> : null}
              </td>
              <td>
                <Link href={`/admin/services/${s.id}`} className="text-brand-700 underline">
                  Edit<span className="sr-only"> {s.name}</span>
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </Table>
    </>
  );
}
