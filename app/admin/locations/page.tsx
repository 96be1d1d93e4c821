import type { Metadata } from "next";
import { getLocationsPageData } from "@/lib/admin/views";
import { requireRole } from "@/lib/auth";
import { addClosureAction, removeClosureAction } from "@/lib/clinic/actions";
import { describeTimeZone, formatDateTime } from "@/lib/time";
import { ActionForm, FieldError } from "../../_components/action-form";
import { Card, CardTitle, LabeledSelect, PageHeader, Table, inputClass } from "../../_components/ui";
import { AdminNav } from "../admin-nav";
import { AppointmentsInside } from "../appointments-inside";

export const metadata: Metadata = { title: "Locations & closures" };

/** The clinic's locations, their zones, and closures (holidays): whole days on each location's clock. */
export default async function LocationsPage() {
  await requireRole("admin");
  const { locations, closures } = await getLocationsPageData();
  const nameOf = (id: string) => locations.find((l) => l.id === id)?.name ?? "";
  const zoneOf = (id: string) => locations.find((l) => l.id === id)?.timeZone ?? "UTC";
  return (
    <>
      <PageHeader title="Locations & closures" description="Each location keeps its own clock. A closure stops online booking there for whole days." />
      <AdminNav current="/admin/locations" />
      <Table caption="Locations">
        <thead>
          <tr>
            <th scope="col">Location</th>
            <th scope="col">Address</th>
            <th scope="col">Time zone</th>
          </tr>
        </thead>
        <tbody>
          {locations.map((l, i) => (
            <tr key={l.id}>
              <td className="font-medium">
                {l.name}
                {i === 0 ? <span className="text-sm text-muted"> (main)</span> : null}
              </td>
              <td>{l.address}</td>
              <td>{describeTimeZone(l.timeZone)}</td>
            </tr>
          ))}
        </tbody>
      </Table>
      <Card className="mt-8 max-w-2xl">
        <CardTitle>Closures</CardTitle>
        {closures.length ? (
          <ul className="mb-4 flex flex-col gap-3" aria-label="Upcoming closures">
            {closures.map((c) => (
              <li key={c.id} className="rounded-lg border border-line p-3">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <span>
                    <strong>{nameOf(c.locationId)}</strong>: {formatDateTime(c.startsAt, zoneOf(c.locationId))} – {formatDateTime(c.endsAt, zoneOf(c.locationId))}
                    <span className="text-muted"> · {c.reason}</span>
                  </span>
                  <ActionForm action={removeClosureAction} submitLabel="Reopen" variant="secondary" inline>
                    <input type="hidden" name="id" value={c.id} />
                  </ActionForm>
                </div>
                <AppointmentsInside inside={c.inside} />
              </li>
            ))}
          </ul>
        ) : (
          <p className="mb-4">No closures planned.</p>
        )}
        <ActionForm action={addClosureAction} submitLabel="Close these days" success="Closed. Anything booked inside is listed above.">
          <LabeledSelect name="locationId" label="Location" value={locations[0]?.id} options={locations.map((l) => ({ value: l.id, label: l.name }))} />
          <FieldError name="locationId" />
          <div className="grid gap-3 sm:grid-cols-2">
            <label className="flex flex-col gap-1">
              First day closed
              <input type="date" name="fromDate" className={inputClass} />
              <FieldError name="fromDate" />
            </label>
            <label className="flex flex-col gap-1">
              Last day closed
              <input type="date" name="toDate" className={inputClass} />
              <FieldError name="toDate" />
            </label>
          </div>
          <label className="flex flex-col gap-1">
            Reason (staff only)
            <input name="reason" maxLength={200} placeholder="e.g. Christmas Day" className={inputClass} />
          </label>
          <FieldError name="reason" />
        </ActionForm>
      </Card>
    </>
  );
}
