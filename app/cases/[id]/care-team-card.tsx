import { assignCaseAction, transitionCaseAction } from "@/lib/cases/actions";
import { CASE_STATUS_LABELS } from "@/lib/cases/status";
import { DISCIPLINE_LABELS } from "@/lib/clinic/disciplines";
import { nominateCaseAction } from "@/lib/conference/actions";
import { seriousUncleared } from "@/lib/red-flags/policy";
import { ActionForm, FieldError } from "../../_components/action-form";
import { Card, CardTitle, LabeledSelect, inputClass } from "../../_components/ui";
import type { CasePageData } from "@/lib/cases/views";

export function CareTeamCard({ data }: { data: CasePageData }) {
  const { record, practitioners, can } = data;
  const c = record.case;
  return (
    <Card>
      <CardTitle>Care team</CardTitle>
      <p className="mb-3">
        Disciplines involved: {c.disciplines.map((d) => DISCIPLINE_LABELS[d]).join(", ") || "none yet"}. {c.suggestedDiscipline ? `Suggested: ${DISCIPLINE_LABELS[c.suggestedDiscipline]}.` : ""}
      </p>
      {can.assignLead ? (
        <ActionForm action={assignCaseAction} submitLabel="Assign lead" variant="secondary" inline>
          <input type="hidden" name="caseId" value={c.id} />
          <LabeledSelect
            name="practitionerId"
            label="Lead practitioner"
            emptyLabel="Choose…"
            value={c.leadPractitionerId}
            options={practitioners.map((p) => ({ value: p.id, label: `${p.name} (${DISCIPLINE_LABELS[p.discipline]})` }))}
          />
        </ActionForm>
      ) : (
        <p className="text-sm text-muted">The case&apos;s lead or an admin hands it to someone else.</p>
      )}
      {can.statusChoices.length ? (
        <ActionForm action={transitionCaseAction} submitLabel="Change status" variant="secondary" className="mt-3">
          <input type="hidden" name="caseId" value={c.id} />
          <LabeledSelect name="to" label="Move case to" options={can.statusChoices.map((s) => ({ value: s, label: CASE_STATUS_LABELS[s] }))} />
          {can.statusChoices.includes("discharged") ? (
            <label className="flex flex-col gap-1 text-sm">
              Reason, when closing the case (required{seriousUncleared(record.flags).length ? "; a serious red flag is not cleared" : ""})
              <textarea name="reason" rows={2} maxLength={1000} className={inputClass} />
            </label>
          ) : null}
          <FieldError name="reason" />
        </ActionForm>
      ) : null}
      {can.dischargeWithheld ? <p className="mt-2 text-sm text-muted">Closing this case is a spine physician&apos;s decision while a serious red flag is not cleared.</p> : null}
      {c.dischargeReason ? <p className="mt-2 text-sm break-words">Closed because: {c.dischargeReason}</p> : null}
      {can.nominate ? (
        <details className="mt-3">
          <summary className="cursor-pointer font-medium text-brand-700">Nominate for the case conference</summary>
          <ActionForm action={nominateCaseAction} submitLabel="Nominate" success="Added to the next conference's agenda." className="mt-2">
            <input type="hidden" name="caseId" value={c.id} />
            <label className="flex flex-col gap-1">
              Why should the team discuss it?
              <textarea name="reason" rows={2} className={inputClass} />
            </label>
            <FieldError name="reason" />
          </ActionForm>
        </details>
      ) : null}
    </Card>
  );
}
