import { receiveReferralAction } from "@/lib/referrals/actions";
import { INCOMING_SPECIALTIES, OUTGOING_SPECIALTIES, SPECIALTY_LABELS } from "@/lib/referrals/kinds";
import { ActionForm, FieldError } from "./action-form";
import { LabeledSelect, inputClass } from "./ui";

/** Finding the patient a letter is about: a search, never the whole directory. */
export function ReferralPatientSearch({ q, searched, found }: { q: string; searched: boolean; found: number }) {
  return (
    <form method="get" role="search" className="mb-4 flex flex-wrap items-end gap-2">
      <label className="flex flex-col gap-1">
        Find the patient (name, email or date of birth, at least 2 characters)
        <input name="q" defaultValue={q} minLength={2} maxLength={100} className={inputClass} />
      </label>
      <button type="submit" className="min-h-11 rounded-lg border border-line bg-white px-4">
        Search
      </button>
      {searched ? <p className="w-full text-sm text-muted">{found ? `${found} found: choose below.` : "Nobody found: record the letter for a new patient below."}</p> : null}
    </form>
  );
}

/** Recording an incoming referral letter: an existing patient (by id from search) or a new one. */
export function IncomingReferralForm({ patients }: { patients: Array<{ id: string; label: string }> }) {
  return (
    <ActionForm action={receiveReferralAction} submitLabel="Record referral" success="Referral recorded on the patient's case.">
      <label className="flex flex-col gap-1">
        Existing patient
        <select name="patientId" defaultValue={patients.length === 1 ? patients[0]!.id : ""} className={inputClass}>
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
      <ReferralFields direction="incoming" />
      <label className="flex flex-col gap-1">
        Letter text
        <textarea name="letterText" rows={6} className={inputClass} />
      </label>
      <FieldError name="letterText" />
    </ActionForm>
  );
}

/** Specialty, counterpart and reason: the fields every referral has, in or out. */
export function ReferralFields({ direction }: { direction: "incoming" | "outgoing" }) {
  const incoming = direction === "incoming";
  return (
    <>
      <LabeledSelect
        name="specialty"
        label={incoming ? "Referred from" : "Specialty"}
        small={false}
        options={(incoming ? INCOMING_SPECIALTIES : OUTGOING_SPECIALTIES).map((s) => ({ value: s, label: SPECIALTY_LABELS[s] }))}
      />
      <label className="flex flex-col gap-1">
        {incoming ? "Referrer (clinician and service)" : "To (clinician or service)"}
        <input name="counterpart" className={inputClass} />
      </label>
      <FieldError name="counterpart" />
      <label className="flex flex-col gap-1">
        Reason
        <textarea name="reason" rows={2} className={inputClass} />
      </label>
      <FieldError name="reason" />
    </>
  );
}
