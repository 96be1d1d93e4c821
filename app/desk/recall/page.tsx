import type { Metadata } from "next";
import Link from "next/link";
import { cancelReasonOptions } from "@/lib/appointments/cancel-words";
import { APPOINTMENT_STATUS_LABELS } from "@/lib/appointments/status";
import { requireRole } from "@/lib/auth";
import { endSeriesAction } from "@/lib/series/actions";
import { getRecallList } from "@/lib/series/recall";
import { formatDateTime } from "@/lib/time";
import { ActionForm } from "../../_components/action-form";
import { PageHeader, Table, inputClass } from "../../_components/ui";
import { DeskNav } from "../desk-nav";

export const metadata: Metadata = { title: "Recall" };

const ended = (last: { status: string; cancelledBy: string | null }) =>
  last.status === "cancelled"
    ? last.cancelledBy === "clinic"
      ? "Cancelled by the clinic"
      : "Cancelled by the patient"
    : (APPOINTMENT_STATUS_LABELS[last.status as keyof typeof APPOINTMENT_STATUS_LABELS] ?? last.status);

/** Patients whose plan of care has visits left but nothing booked: call them back in. */
export default async function RecallPage() {
  const user = await requireRole("staff", "admin");
  const rows = await getRecallList(user);
  const reasons = cancelReasonOptions();
  return (
    <>
      <PageHeader title="Recall" description="Plans of care with visits left and nothing booked, longest without a visit first. Call the patient, book from their page, or stop the plan." />
      <DeskNav current="/desk/recall" />
      {rows.length ? (
        <Table caption="Plans of care with visits left and no booking">
          <thead>
            <tr>
              <th scope="col">Patient</th>
              <th scope="col">Plan</th>
              <th scope="col">Visits done</th>
              <th scope="col">Last visit</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.seriesId}>
                <td className="break-words">
                  <Link href={`/desk/patients/${r.patientId}`}>{r.patientName}</Link>
                  <span className="block text-muted">{r.phone}</span>
                </td>
                <td>
                  {r.service} with {r.practitioner}
                  <span className="block text-muted">{r.pattern}</span>
                </td>
                <td>
                  {r.done} of {r.planned}
                </td>
                <td>
                  {r.last ? (
                    <>
                      {formatDateTime(r.last.startsAt, r.timeZone)}
                      <span className="block text-muted">{ended(r.last)}</span>
                    </>
                  ) : (
                    "—"
                  )}
                </td>
                <td>
                  <details>
                    <summary className="cursor-pointer text-brand-700 underline">Stop the plan</summary>
                    <ActionForm action={endSeriesAction} submitLabel="Stop this plan" variant="secondary" className="mt-2">
                      <input type="hidden" name="seriesId" value={r.seriesId} />
                      <label className="flex flex-col gap-1">
                        <span className="font-medium">Reason</span>
                        <select name="reason" className={inputClass} defaultValue="patient_called">
                          {reasons.map((o) => (
                            <option key={o.code} value={o.code}>
                              {o.label}
                            </option>
                          ))}
                        </select>
                      </label>
                    </ActionForm>
                  </details>
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : (
        <p className="rounded-lg border border-dashed border-line bg-white p-6 text-center text-muted">No plan is missing its next visit.</p>
      )}
    </>
  );
}
