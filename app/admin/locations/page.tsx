import type { Metadata } from "next";
import { getLocationsPageData } from "@/lib/admin/views";
import { requireRole } from "@/lib/auth";
import { addClosureAction, removeClosureAction } from "@/lib/clinic/actions";
import { ROOM_KINDS, ROOM_KIND_LABELS } from "@/lib/rooms/kinds";
import { addRoomAction, renameRoomAction, setRoomActiveAction } from "@/lib/rooms/actions";
import { describeTimeZone, formatDateTime } from "@/lib/time";
import { ActionForm, FieldError } from "../../_components/action-form";
import { Badge, Card, CardTitle, LabeledSelect, PageHeader, Table, inputClass } from "../../_components/ui";
import { AdminNav } from "../admin-nav";
import { AppointmentsInside } from "../appointments-inside";

export const metadata: Metadata = { title: "Locations & closures" };

const KIND_OPTIONS = ROOM_KINDS.map((k) => ({ value: k, label: ROOM_KIND_LABELS[k] }));

/** The clinic's locations, their zones, rooms, and closures (holidays): whole days on each location's clock. */
export default async function LocationsPage() {
  await requireRole("admin");
  const { locations, closures, rooms } = await getLocationsPageData();
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
      {locations.map((l) => {
        const here = rooms.filter((r) => r.locationId === l.id);
        return (
          <Card key={l.id} className="mt-8 max-w-2xl">
            <CardTitle>Rooms at {l.name}</CardTitle>
            <p className="mb-3 text-sm text-muted">
              A service that needs a kind of room is offered only while one is free. An inactive room is no longer given to new bookings; appointments already in it stay booked and are listed for the
              desk to move.
            </p>
            {here.length ? (
              <ul className="mb-4 flex flex-col gap-3" aria-label={`Rooms at ${l.name}`}>
                {here.map((r) => (
                  <li key={r.id} className="rounded-lg border border-line p-3">
                    <div className="flex flex-wrap items-center justify-between gap-2">
                      <span>
                        <strong>{r.name}</strong>
                        <span className="text-muted"> · {ROOM_KIND_LABELS[r.kind]}</span> {r.isActive ? <Badge tone="success">Active</Badge> : <Badge>Inactive</Badge>}
                      </span>
                      <ActionForm action={setRoomActiveAction} submitLabel={r.isActive ? "Deactivate" : "Reactivate"} variant="secondary" inline>
                        <input type="hidden" name="id" value={r.id} />
                        <input type="hidden" name="isActive" value={r.isActive ? "false" : "true"} />
                      </ActionForm>
                    </div>
                    <ActionForm action={renameRoomAction} submitLabel="Rename" variant="secondary" inline className="mt-2">
                      <input type="hidden" name="id" value={r.id} />
                      <label className="flex flex-col gap-1 text-sm">
                        New name
                        <input name="name" defaultValue={r.name} maxLength={60} className={inputClass} />
                        <FieldError name="name" />
                      </label>
                    </ActionForm>
                    {r.isActive ? null : <AppointmentsInside inside={r.inside} />}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="mb-4">No rooms yet: services that need a room cannot be booked here.</p>
            )}
            <ActionForm action={addRoomAction} submitLabel="Add room" success="Room added.">
              <input type="hidden" name="locationId" value={l.id} />
              <FieldError name="locationId" />
              <div className="grid gap-3 sm:grid-cols-2">
                <label className="flex flex-col gap-1">
                  Name
                  <input name="name" maxLength={60} placeholder="e.g. Massage room 3" className={inputClass} />
                  <FieldError name="name" />
                </label>
                <div className="flex flex-col gap-1">
                  <LabeledSelect name="kind" label="Kind" value={ROOM_KINDS[0]} options={KIND_OPTIONS} small={false} />
                  <FieldError name="kind" />
                </div>
              </div>
            </ActionForm>
          </Card>
        );
      })}
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
