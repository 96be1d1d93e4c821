import type { Metadata } from "next";
import Link from "next/link";
import { requireRole } from "@/lib/auth";
import { rowsInForce } from "@/lib/clinic/hours";
import { DISCIPLINE_LABELS } from "@/lib/clinic/disciplines";
import { WEEKDAY_SHORT } from "@/lib/clinic/weekdays";
import { Badge, PageHeader, Table } from "../../_components/ui";
import { AdminNav } from "../admin-nav";
import { getPractitionersPageData } from "@/lib/admin/views";

export const metadata: Metadata = { title: "Practitioners & hours" };

export default async function AdminPractitionersPage() {
  await requireRole("admin");
  const { practitioners, hours } = await getPractitionersPageData();
  const today = new Date().toISOString().slice(0, 10);
  return (
    <>
      <PageHeader title="Practitioners & hours" description="Weekly working hours, with lunch breaks, per location." />
      <AdminNav current="/admin/practitioners" />
      <Table caption="Practitioners">
        <thead>
          <tr>
            <th scope="col">Practitioner</th>
            <th scope="col">Discipline</th>
            <th scope="col">Current hours</th>
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {practitioners.map((p) => {
            const current = rowsInForce(hours.filter((h) => h.practitionerId === p.id), today).sort((a, b) => a.weekday - b.weekday);
            return (
              <tr key={p.id}>
                <td>
                  <span className="font-medium">{p.displayName}</span>
                  {p.credentials ? <span className="text-muted">, {p.credentials}</span> : null}
                  {!p.isActive ? (
                    <>
                      {" "}
                      <Badge>Inactive</Badge>
                    </>
                  ) : null}
                </td>
                <td>{DISCIPLINE_LABELS[p.discipline]}</td>
                <td className="text-sm">
                  {current.length
                    ? current.map((h) => `${WEEKDAY_SHORT[h.weekday]} ${h.startTime.slice(0, 5)}–${h.endTime.slice(0, 5)}`).join(" · ")
                    : "No hours set"}
                </td>
                <td>
                  <Link href={`/admin/practitioners/${p.id}`} className="text-brand-700 underline">
                    Edit hours<span className="sr-only"> of {p.displayName}</span>
                  </Link>
                </td>
              </tr>
            );
          })}
        </tbody>
      </Table>
    </>
  );
}
