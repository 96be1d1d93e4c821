import { DURATION_CLASS_LABELS } from "@/lib/cases/status";
import { DISCIPLINE_LABELS } from "@/lib/clinic/disciplines";
import { triageReasonText } from "@/lib/triage/assess";
import { PriorityBadge, StatusBadge } from "../../_components/appointments";
import { Card, CardTitle, EmptyState } from "../../_components/ui";
import { formatDateTime } from "@/lib/time";
import type { CasePageData } from "@/lib/cases/views";

export function RequestsCard({ data }: { data: CasePageData }) {
  const { record } = data;
  const { restricted } = record;
  return (
    <Card>
      <CardTitle>Requests and triage</CardTitle>
      {record.requests.length ? (
        <ul className="flex flex-col gap-3">
          {record.requests.map((r) => (
            <li key={r.id} className="rounded-lg border border-line p-3">
              <p className="flex flex-wrap items-center gap-2 font-medium">
                {r.serviceName} with {r.practitionerName} · {formatDateTime(r.startsAt, r.timeZone)} <StatusBadge status={r.status} />
                {r.triage ? <PriorityBadge priority={r.triage.priority} /> : null}
              </p>
              {r.triage ? (
                <>
                  <p className="text-sm">
                    {DURATION_CLASS_LABELS[r.triage.durationClass]} ({r.triage.weeksOfPain} weeks) · pain {r.painScore}/10 · suggested: {DISCIPLINE_LABELS[r.triage.suggestedDiscipline]}
                  </p>
                  <ul className="list-disc pl-5 text-sm text-muted">
                    {r.triage.reasons.map((reason) => (
                      <li key={JSON.stringify(reason)}>{triageReasonText(reason)}</li>
                    ))}
                  </ul>
                </>
              ) : null}
              {!restricted && (r.worseWith || r.notes) ? (
                <p className="mt-1 text-sm">
                  {r.worseWith ? <>Worse with: {r.worseWith}. </> : null}
                  {r.notes ? (
                    <>
                      {r.notesEnteredBy === "staff" ? "Front desk's note (typed during a phone booking)" : "Patient's note"}: {r.notes}
                    </>
                  ) : null}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState>No requests on this case.</EmptyState>
      )}
    </Card>
  );
}
