import { sendReferralAction, updateReferralStatusAction } from "@/lib/referrals/actions";
import { REFERRAL_STATUS_LABELS, SPECIALTY_LABELS } from "@/lib/referrals/kinds";
import { ActionForm } from "../../_components/action-form";
import { ReferralFields } from "../../_components/referral-form";
import { Badge, Card, CardTitle, LabeledSelect } from "../../_components/ui";
import type { CasePageData } from "@/lib/cases/views";

export function ReferralsCard({ data }: { data: CasePageData }) {
  const { record } = data;
  const c = record.case;
  return (
    <Card>
      <CardTitle>Referrals</CardTitle>
      {record.referrals.length ? (
        <ul className="mb-4 flex flex-col gap-3">
          {record.referrals.map((r) => (
            <li key={r.id} className="rounded-lg border border-line p-3">
              <p className="flex flex-wrap items-center gap-2 font-medium">
                {r.direction === "incoming" ? "From" : "To"} {SPECIALTY_LABELS[r.specialty]}: {r.counterpart} <Badge>{REFERRAL_STATUS_LABELS[r.status]}</Badge>
              </p>
              <p className="text-sm">Reason: {r.reason}</p>
              {r.letterText ? (
                <details className="mt-1 text-sm">
                  <summary className="cursor-pointer text-brand-700">Letter</summary>
                  <p className="mt-1 whitespace-pre-wrap">{r.letterText}</p>
                </details>
              ) : null}
              {r.statusChoices.length ? (
                <ActionForm action={updateReferralStatusAction} submitLabel="Update" variant="secondary" inline className="mt-2">
                  <input type="hidden" name="referralId" value={r.id} />
                  <LabeledSelect name="status" label="Status" options={r.statusChoices.map((s) => ({ value: s, label: REFERRAL_STATUS_LABELS[s] }))} />
                </ActionForm>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="mb-4 text-muted">No referrals yet.</p>
      )}
      {data.can.writeClinical ? (
        <details>
          <summary className="cursor-pointer font-medium text-brand-700">Refer out</summary>
          <ActionForm action={sendReferralAction} submitLabel="Send referral" className="mt-2">
            <input type="hidden" name="caseId" value={c.id} />
            <ReferralFields direction="outgoing" />
          </ActionForm>
        </details>
      ) : null}
    </Card>
  );
}
