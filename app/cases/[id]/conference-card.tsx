import { completeActionItemAction } from "@/lib/conference/actions";
import { ActionForm } from "../../_components/action-form";
import { Badge, Card, CardTitle } from "../../_components/ui";
import type { CasePageData } from "@/lib/cases/views";

export function ConferenceCard({ data, when }: { data: CasePageData; when: (d: Date) => string }) {
  const { record } = data;
  const { restricted } = record;
  return (
    <Card>
      <CardTitle>Case conference and actions</CardTitle>
      {record.decisions.length ? (
        <ul className="mb-3 flex flex-col gap-2">
          {record.decisions.map((d) => (
            <li key={d.id}>
              <strong>{when(d.conferenceStartsAt)}</strong>: {d.reason}
              {d.discussedAt ? <> — {restricted ? "discussed" : <>recommendation: {d.recommendation}</>}</> : " (on the agenda)"}
            </li>
          ))}
        </ul>
      ) : (
        <p className="mb-3 text-muted">Not discussed at a case conference.</p>
      )}
      {record.actions.length ? (
        <ul className="flex flex-col gap-2">
          {record.actions.map((a) => (
            <li key={a.id} className="flex flex-wrap items-center gap-3">
              <span>
                {a.ownerName}: {a.description} (due {a.dueOn}) {a.completedAt ? <Badge tone="success">Done</Badge> : <Badge tone="warning">Open</Badge>}
              </span>
              {a.canComplete ? (
                <ActionForm action={completeActionItemAction} submitLabel="Mark done" variant="secondary" inline>
                  <input type="hidden" name="actionItemId" value={a.id} />
                </ActionForm>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </Card>
  );
}
