import { joinWaitlistForPatientAction } from "@/lib/waitlist/actions";
import { DAY_PARTS, DAY_PART_LABELS, WEEKDAY_LABELS } from "@/lib/waitlist/windows";
import { ActionForm, FieldError } from "../../../_components/action-form";
import { inputClass } from "../../../_components/ui";

/** The desk puts the patient on the waitlist (their last intake answers are reused). */
export function WaitlistForm({
  patientId,
  services,
  practitioners,
  defaultUntil,
}: {
  patientId: string;
  services: Array<{ slug: string; name: string }>;
  practitioners: Array<{ id: string; name: string; services: string[] }>;
  defaultUntil: string;
}) {
  return (
    <details className="rounded-xl border border-line bg-white p-4">
      <summary className="cursor-pointer font-semibold">Put on the waitlist</summary>
      <ActionForm
        action={joinWaitlistForPatientAction}
        submitLabel="Put on the waitlist"
        pendingLabel="Adding…"
        success="On the waitlist: the first time that fits is offered by email."
        className="mt-3"
      >
        <input type="hidden" name="patientId" value={patientId} />
        <label className="flex flex-col gap-1">
          <span className="font-medium">Service</span>
          <select name="service" className={inputClass} defaultValue="">
            <option value="" disabled>
              Choose a service
            </option>
            {services.map((s) => (
              <option key={s.slug} value={s.slug}>
                {s.name}
              </option>
            ))}
          </select>
          <FieldError name="service" />
        </label>
        <label className="flex flex-col gap-1">
          <span className="font-medium">Practitioner</span>
          <select name="practitionerId" className={inputClass} defaultValue="any">
            <option value="any">Anyone who offers it</option>
            {practitioners.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
          <FieldError name="practitionerId" />
        </label>
        <fieldset>
          <legend className="font-medium">Days</legend>
          <div className="mt-1 flex flex-wrap gap-2">
            {WEEKDAY_LABELS.map((label, i) => (
              <label key={label} className="flex min-h-11 items-center gap-2 rounded-lg border border-line px-3">
                <input type="checkbox" name="windows.weekdays" value={i + 1} defaultChecked={i < 5} className="h-5 w-5 accent-brand-600" />
                {label}
              </label>
            ))}
          </div>
          <FieldError name="windows.weekdays" />
        </fieldset>
        <fieldset>
          <legend className="font-medium">Parts of the day</legend>
          <div className="mt-1 flex flex-wrap gap-2">
            {DAY_PARTS.map((part) => (
              <label key={part} className="flex min-h-11 items-center gap-2 rounded-lg border border-line px-3">
                <input type="checkbox" name="windows.dayParts" value={part} defaultChecked className="h-5 w-5 accent-brand-600" />
                {DAY_PART_LABELS[part]}
              </label>
            ))}
          </div>
          <FieldError name="windows.dayParts" />
        </fieldset>
        <label className="flex flex-col gap-1">
          <span className="font-medium">Keep looking until</span>
          <input type="date" name="windows.until" defaultValue={defaultUntil} className={inputClass} />
          <FieldError name="windows.until" />
        </label>
      </ActionForm>
    </details>
  );
}
