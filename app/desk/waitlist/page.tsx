import type { Metadata } from "next";
import Link from "next/link";
import { requireRole } from "@/lib/auth";
import { PRIORITY_LABELS } from "@/lib/triage/red-flags";
import { formatDateTime, localDate } from "@/lib/time";
import { leaveWaitlistAction } from "@/lib/waitlist/actions";
import { getWaitlistPageData } from "@/lib/waitlist/views";
import { ActionForm } from "../../_components/action-form";
import { Badge, Card, CardTitle, PageHeader, Table } from "../../_components/ui";
import { DeskNav } from "../desk-nav";

export const metadata: Metadata = { title: "Waitlist" };

const OUTCOME: Record<string, { label: string; tone: "neutral" | "success" | "warning" | "danger" }> = {
  offered: { label: "Held, waiting for an answer", tone: "warning" },
  accepted: { label: "Accepted (booked)", tone: "success" },
  declined: { label: "Declined", tone: "neutral" },
  expired: { label: "No answer in time", tone: "neutral" },
  lost: { label: "No longer free", tone: "danger" },
  withdrawn: { label: "Withdrawn", tone: "neutral" },
};

/** The desk's waitlist: who waits, in the order offers go, the offers made and how they ended. */
export default async function WaitlistPage() {
  const user = await requireRole("staff", "admin");
  const { waiting, offers, stats, timeZone } = await getWaitlistPageData(user);
  return (
    <>
      <PageHeader
        title="Waitlist"
        description="When a time frees up (a cancellation, a move, time off removed), it is offered by email to the first person here it fits — most urgent first, then who has waited longest — and held for them. Put a patient on the list from their page."
      />
      <DeskNav current="/desk/waitlist" />
      {stats ? (
        <Card className="mb-6">
          <CardTitle>Refilled in the last 30 days</CardTitle>
          <p>
            <strong>{stats.refilled}</strong> of <strong>{stats.offeredTimes}</strong> freed times offered were booked from the waitlist
            {stats.medianMinutes !== null ? (
              <>
                , a median of <strong>{stats.medianMinutes} minutes</strong> after they were freed
              </>
            ) : null}
            .
          </p>
        </Card>
      ) : null}
      <section aria-labelledby="waiting" className="mb-8">
        <h2 id="waiting" className="mb-3 text-xl font-semibold">
          Waiting ({waiting.length})
        </h2>
        {waiting.length ? (
          <Table caption="Patients on the waitlist, in offer order">
            <thead>
              <tr>
                <th scope="col">Patient</th>
                <th scope="col">Service</th>
                <th scope="col">When they can come</th>
                <th scope="col">Priority</th>
                <th scope="col">Waiting since</th>
                <th scope="col">Offer</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {waiting.map((w) => (
                <tr key={w.id}>
                  <td className="break-words">
                    {w.patientId ? <Link href={`/desk/patients/${w.patientId}`}>{w.name}</Link> : w.name}
                    <span className="block text-muted">{w.email}</span>
                  </td>
                  <td>
                    {w.service}
                    <span className="block text-muted">{w.practitioner ? `with ${w.practitioner}` : "anyone"}</span>
                  </td>
                  <td>
                    {w.windows}
                    <span className="block text-muted">until {w.until}</span>
                  </td>
                  <td>{PRIORITY_LABELS[w.priority as keyof typeof PRIORITY_LABELS] ?? w.priority}</td>
                  <td>{localDate(w.since, timeZone)}</td>
                  <td>{w.offer ? `${formatDateTime(w.offer.startsAt, timeZone)} with ${w.offer.practitioner}, held until ${formatDateTime(w.offer.expiresAt, timeZone)}` : "—"}</td>
                  <td>
                    <ActionForm action={leaveWaitlistAction} submitLabel="Take off the list" variant="secondary" inline>
                      <input type="hidden" name="entryId" value={w.id} />
                    </ActionForm>
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        ) : (
          <p className="rounded-lg border border-dashed border-line bg-white p-6 text-center text-muted">Nobody is waiting.</p>
        )}
      </section>
      <section aria-labelledby="offers">
        <h2 id="offers" className="mb-3 text-xl font-semibold">
          Offers in the last 30 days
        </h2>
        {offers.length ? (
          <Table caption="Waitlist offers and their outcome">
            <thead>
              <tr>
                <th scope="col">Patient</th>
                <th scope="col">Time offered</th>
                <th scope="col">Offered</th>
                <th scope="col">Outcome</th>
              </tr>
            </thead>
            <tbody>
              {offers.map((o) => (
                <tr key={o.id}>
                  <td className="break-words">{o.name}</td>
                  <td>
                    {o.service} with {o.practitioner}
                    <span className="block text-muted">{formatDateTime(o.startsAt, o.timeZone)}</span>
                  </td>
                  <td>{formatDateTime(o.offeredAt, o.timeZone)}</td>
                  <td>
                    <Badge tone={OUTCOME[o.status]?.tone ?? "neutral"}>{OUTCOME[o.status]?.label ?? o.status}</Badge>
                    {o.respondedAt ? <span className="block text-muted">{formatDateTime(o.respondedAt, o.timeZone)}</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        ) : (
          <p className="rounded-lg border border-dashed border-line bg-white p-6 text-center text-muted">No offers yet.</p>
        )}
      </section>
    </>
  );
}
