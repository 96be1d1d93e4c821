import type { Discipline } from "@/lib/clinic/disciplines";
import { addNoteAction, editNoteAction } from "@/lib/cases/actions";
import { DISCIPLINE_LABELS } from "@/lib/clinic/disciplines";
import { ActionForm, FieldError } from "../../_components/action-form";
import { Alert, Badge, Card, CardTitle, EmptyState, inputClass } from "../../_components/ui";
import type { CasePageData } from "@/lib/cases/views";

export function NotesCard({ data, when, discipline }: { data: CasePageData; when: (d: Date) => string; discipline: Discipline | null }) {
  const { record } = data;
  const c = record.case;
  const { restricted } = record;
  return (
    <Card>
      <CardTitle>Notes</CardTitle>
      {restricted ? (
        <Alert tone="info" className="mb-3">
          You see notes written by massage therapists; physicians&apos; and other clinical notes are not shown to your role.
        </Alert>
      ) : null}
      {data.can.writeClinical ? (
        <ActionForm action={addNoteAction} submitLabel="Add note" className="mb-4">
          <input type="hidden" name="caseId" value={c.id} />
          <label className="flex flex-col gap-1">
            New note{discipline ? ` (as ${DISCIPLINE_LABELS[discipline]})` : ""}
            <textarea name="body" rows={3} className={inputClass} />
          </label>
          <FieldError name="body" />
        </ActionForm>
      ) : null}
      {record.notes.length ? (
        <ul className="flex flex-col gap-3">
          {record.notes.map((n) => (
            <li key={n.id} className="rounded-lg border border-line p-3">
              <p className="mb-1 flex flex-wrap items-center gap-2 text-sm text-muted">
                <strong className="text-ink">{n.authorName}</strong>
                {n.authorDiscipline ? <Badge tone="info">{DISCIPLINE_LABELS[n.authorDiscipline]}</Badge> : null}
                <span>{when(n.createdAt)}</span>
                {n.version > 1 ? <span>(edited {when(n.updatedAt)})</span> : null}
              </p>
              <p className="whitespace-pre-wrap">{n.body}</p>
              {n.history.length ? (
                <details className="mt-2 text-sm">
                  <summary className="cursor-pointer text-brand-700">Earlier versions ({n.history.length})</summary>
                  <ol className="mt-2 flex flex-col gap-2">
                    {n.history.map((h) => (
                      <li key={h.version} className="rounded bg-slate-50 p-2">
                        <p className="text-muted">
                          Version {h.version}, replaced by {h.editorName} on {when(h.editedAt)}
                        </p>
                        <p className="whitespace-pre-wrap">{h.body}</p>
                      </li>
                    ))}
                  </ol>
                </details>
              ) : null}
              {n.canEdit ? (
                <details className="mt-2 text-sm">
                  <summary className="cursor-pointer text-brand-700">Edit</summary>
                  <ActionForm action={editNoteAction} submitLabel="Save edit" variant="secondary" className="mt-2">
                    <input type="hidden" name="noteId" value={n.id} />
                    <label className="sr-only" htmlFor={`edit-${n.id}`}>
                      Note text
                    </label>
                    <textarea id={`edit-${n.id}`} name="body" rows={3} defaultValue={n.body} className={inputClass} />
                    <FieldError name="body" />
                  </ActionForm>
                </details>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState>No notes you can see yet.</EmptyState>
      )}
    </Card>
  );
}
