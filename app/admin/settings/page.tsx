import type { Metadata } from "next";
import { requireRole } from "@/lib/auth";
import { saveSettingsAction } from "@/lib/cases/settings-actions";
import { WEEKDAY_LONG } from "@/lib/clinic/weekdays";
import { ActionForm, FieldError } from "../../_components/action-form";
import { PageHeader, inputClass } from "../../_components/ui";
import { AdminNav } from "../admin-nav";
import { getSettingsPageData } from "@/lib/admin/views";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  await requireRole("admin");
  const s = await getSettingsPageData();
  return (
    <>
      <PageHeader title="Clinic settings" description="Triage thresholds and the weekly case conference." />
      <AdminNav current="/admin/settings" />
      <ActionForm action={saveSettingsAction} submitLabel="Save settings" success="Saved." className="max-w-xl">
        <fieldset className="grid gap-3 sm:grid-cols-2">
          <legend className="mb-2 font-medium">The clinic</legend>
          <label className="flex flex-col gap-1">
            Name (emails, calendar files, printouts)
            <input name="clinicName" maxLength={120} defaultValue={s.clinicName} className={inputClass} />
            <FieldError name="clinicName" />
          </label>
          <label className="flex flex-col gap-1">
            Emergency number patients are told to call
            <input name="emergencyNumber" inputMode="numeric" maxLength={6} defaultValue={s.emergencyNumber} className={inputClass} />
            <FieldError name="emergencyNumber" />
          </label>
        </fieldset>
        <fieldset className="grid gap-3 sm:grid-cols-2">
          <legend className="mb-2 font-medium">Duration of pain</legend>
          <label className="flex flex-col gap-1">
            Acute: under (weeks)
            <input name="acuteWeeks" type="number" min={1} defaultValue={s.acuteWeeks} className={inputClass} />
            <FieldError name="acuteWeeks" />
          </label>
          <label className="flex flex-col gap-1">
            Chronic: over (weeks)
            <input name="chronicWeeks" type="number" min={2} defaultValue={s.chronicWeeks} className={inputClass} />
            <FieldError name="chronicWeeks" />
          </label>
        </fieldset>
        <fieldset className="grid gap-3 sm:grid-cols-2">
          <legend className="mb-2 font-medium">Weekly case conference</legend>
          <label className="flex flex-col gap-1">
            Day
            <select name="conferenceWeekday" defaultValue={s.conferenceWeekday} className={inputClass}>
              {[1, 2, 3, 4, 5, 6, 7].map((d) => (
                <option key={d} value={d}>
                  {WEEKDAY_LONG[d]}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col gap-1">
            Time (main location&apos;s time)
            <input name="conferenceTime" type="time" defaultValue={s.conferenceTime} className={inputClass} />
            <FieldError name="conferenceTime" />
          </label>
        </fieldset>
      </ActionForm>
    </>
  );
}
