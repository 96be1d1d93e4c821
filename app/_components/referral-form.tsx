import { receiveReferralAction } from "@/lib/referrals/actions";
import { INCOMING_SPECIALTIES, SPECIALTY_LABELS } from "@/lib/referrals/kinds";
import { ActionForm, FieldError } from "./action-form";
import { inputClass } from "./ui";

/** Recording an incoming referral letter: an existing patient (by id from search) or a new one. */
export function IncomingReferralForm({ patients }: { patients: Array<{ id: string; label: string }> }) {
  return (
    <ActionForm action={receiveReferralAction} submitLabel="Record referral" success="Referral recorded on the patient's case.">
      <label className="flex flex-col gap-1">
        Existing patient
        <select name="patientId" defaultValue="" className={inputClass}>
          <option value="">A new patient (fill in below)</option>
          {patients.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </select>
      </label>
      <FieldError name="patientId" />
      <fieldset className="grid gap-3 rounded-lg border border-line p-3 sm:grid-cols-3">
        <legend className="px-1 text-sm">New patient</legend>
        <label className="flex flex-col gap-1 text-sm">
          Full name
          <input name="patientName" className={inputClass} />
          <FieldError name="patientName" />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          Email
          <input name="patientEmail" type="email" className={inputClass} />
          <FieldError name="patientEmail" />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          Date of birth
          <input name="patientDateOfBirth" type="date" className={inputClass} />
          <FieldError name="patientDateOfBirth" />
        </label>
      </fieldset>
      <label className="flex flex-col gap-1">
        Referred from
        <select name="specialty" className={inputClass}>
          {INCOMING_SPECIALTIES.map((s) => (
            <option key={s} value={s}>
              {SPECIALTY_LABELS[s]}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1">
        Referrer (clinician and service)
        <input name="counterpart" className={inputClass} />
      </label>
      <FieldError name="counterpart" />
      <label className="flex flex-col gap-1">
        Reason
        <textarea name="reason" rows={2} className={inputClass} />
      </label>
      <FieldError name="reason" />
      <label className="flex flex-col gap-1">
        Letter text
        <textarea name="letterText" rows={6} className={inputClass} />
      </label>
      <FieldError name="letterText" />
    </ActionForm>
  );
}
