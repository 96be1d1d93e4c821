import type { Metadata } from "next";
import Link from "next/link";
import { requireRole } from "@/lib/auth";
import { rowsInForce } from "@/lib/clinic/hours";
import { createPractitionerAction } from "@/lib/clinic/actions";
import { DISCIPLINES, DISCIPLINE_LABELS } from "@/lib/clinic/disciplines";
import { WEEKDAY_SHORT } from "@/lib/clinic/weekdays";
import { ActionForm, FieldError } from "../../_components/action-form";
import { Badge, LabeledSelect, PageHeader, Table, inputClass } from "../../_components/ui";
import { AdminNav } from "../admin-nav";
import { getPractitionersPageData } from "@/lib/admin/views";

export const metadata: Metadata = { title: "Practitioners & hours" };

export default async function AdminPractitionersPage() {
  await requireRole("admin");
  const { practitioners, hours, services, locations, today } = await getPractitionersPageData();
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
            const current = rowsInForce(
              hours.filter((h) => h.practitionerId === p.id),
              today,
            ).sort((a, b) => a.weekday - b.weekday);
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
                <td className="text-sm">{current.length ? current.map((h) => `${WEEKDAY_SHORT[h.weekday]} ${h.startTime.slice(0, 5)}–${h.endTime.slice(0, 5)}`).join(" · ") : "No hours set"}</td>
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
      <details className="mt-6 max-w-2xl rounded-xl border border-line bg-white p-4">
        <summary className="cursor-pointer font-medium text-brand-700">Add a practitioner</summary>
        <p className="mt-2 text-sm text-muted">They can be booked once their hours are set (Edit hours). To give them a sign-in, invite them at Accounts.</p>
        <ActionForm action={createPractitionerAction} submitLabel="Add practitioner" success="Added. Set their hours from the list above." className="mt-3">
          <label className="flex flex-col gap-1">
            Name as patients see it
            <input name="displayName" maxLength={80} className={inputClass} />
          </label>
          <FieldError name="displayName" />
          <label className="flex flex-col gap-1">
            Credentials (optional)
            <input name="credentials" maxLength={80} placeholder="e.g. LMT, DPT, MD" className={inputClass} />
          </label>
          <FieldError name="credentials" />
          <LabeledSelect name="discipline" label="Discipline" emptyLabel="Choose…" options={DISCIPLINES.map((d) => ({ value: d, label: DISCIPLINE_LABELS[d] }))} />
          <FieldError name="discipline" />
          <LabeledSelect name="locationId" label="Location" value={locations[0]?.id} options={locations.map((l) => ({ value: l.id, label: l.name }))} />
          <FieldError name="locationId" />
          <fieldset className="flex flex-col gap-1">
            <legend className="mb-1">Services they offer (of their discipline)</legend>
            {services.map((s) => (
              <label key={s.id} className="flex min-h-11 items-center gap-3">
                <input type="checkbox" name="serviceIds" value={s.id} className="h-5 w-5 accent-brand-600" />
                {s.name} <span className="text-sm text-muted">({DISCIPLINE_LABELS[s.discipline]})</span>
              </label>
            ))}
          </fieldset>
          <FieldError name="serviceIds" />
        </ActionForm>
      </details>
    </>
  );
}
