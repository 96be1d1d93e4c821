import type { CaseRecord } from "@/lib/cases/record";
import { clearRedFlagAction } from "@/lib/red-flags/actions";
import { canClearFlag, whoCanClear, type Viewer } from "@/lib/red-flags/policy";
import { RED_FLAGS } from "@/lib/triage/red-flags";
import { formatDateTime } from "@/lib/time";
import { ActionForm, FieldError } from "../../_components/action-form";
import { PriorityBadge } from "../../_components/appointments";
import { Alert, Badge, Card, CardTitle, inputClass } from "../../_components/ui";

const question = (code: string) => RED_FLAGS.find((f) => f.code === code)?.question ?? code;

/**
 * The patient's red flags, one by one, across every episode of care: when each was reported, who
 * cleared it and why, and the hands-on appointments they hold. Clear buttons follow the same policy
 * the command enforces.
 */
export function RedFlagsCard({ record, viewer, when }: { record: CaseRecord; viewer: Viewer; when: (d: Date) => string }) {
  const { flags, blocked, precautions, restricted, age } = record;
  const uncleared = flags.filter((f) => !f.clearedAt);
  if (!flags.length && !restricted && !age?.notes.length) return null;
  return (
    <Card aria-labelledby="precautions" className={uncleared.length ? "border-red-300" : undefined}>
      <CardTitle id="precautions">{restricted ? "Precaution card" : "Red flags and precautions"}</CardTitle>
      {age ? (
        <p className="mb-3 flex flex-wrap items-center gap-2">
          <span>Age {age.age}</span>
          {age.notes.map((n) => (
            <Badge key={n.code} tone={n.code === "minor" ? "warning" : "info"} title={n.source}>
              {n.label}
            </Badge>
          ))}
        </p>
      ) : null}
      {blocked.length ? (
        <Alert tone="danger" className="mb-3" title="Hands-on care on hold">
          <ul className="list-disc pl-5">
            {blocked.map((b) => (
              <li key={b.id}>
                {b.serviceName} with {b.practitionerName}, {formatDateTime(b.startsAt, b.timeZone)}: waits for{" "}
                {b.blockers.map((f) => `“${question(f.code)}” (${whoCanClear(f.priority)} can clear it)`).join("; ")}. Clearing releases it for the front desk to confirm.
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}
      {flags.length ? (
        <ul className="mb-3 flex flex-col gap-3">
          {flags.map((f) => (
            <li key={f.id} className="rounded-lg border border-line p-3">
              <p className="flex flex-wrap items-center gap-2">
                <PriorityBadge priority={f.priority} />
                <strong>{question(f.code)}</strong>
                {f.clearedAt ? <Badge tone="success">Cleared</Badge> : <Badge tone="danger">Not cleared</Badge>}
              </p>
              {precautions.find((p) => p.code === f.code) ? <p className="text-sm">{precautions.find((p) => p.code === f.code)!.precaution}</p> : null}
              <ol className="mt-2 flex flex-col gap-1 text-sm text-muted" aria-label={`History of “${question(f.code)}”`}>
                {f.history.map((h, i) => (
                  <li key={i} className="break-words">
                    {when(h.at)}: {h.kind === "reported" ? "reported by the patient" : `cleared by ${h.actorName ?? "a clinician"}`}
                    {h.note ? ` — ${h.note}` : ""}
                  </li>
                ))}
              </ol>
              {!f.clearedAt ? (
                canClearFlag(viewer, f) ? (
                  <details className="mt-2">
                    <summary className="cursor-pointer font-medium text-brand-700">Clear this flag</summary>
                    <ActionForm action={clearRedFlagAction} submitLabel="Clear red flag" variant="secondary" className="mt-2">
                      <input type="hidden" name="flagId" value={f.id} />
                      <input type="hidden" name="caseId" value={record.case.id} />
                      <label className="flex flex-col gap-1 text-sm">
                        Clinical note (why it is safe to go ahead)
                        <textarea name="note" rows={2} maxLength={500} className={inputClass} />
                      </label>
                      <FieldError name="note" />
                    </ActionForm>
                  </details>
                ) : (
                  <p className="mt-2 text-sm">Only {whoCanClear(f.priority)} can clear this flag.</p>
                )
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="mb-3">No red flags reported.</p>
      )}
      {restricted && precautions.length === 0 ? <p>No contraindications were reported at intake.</p> : null}
    </Card>
  );
}
