import type { Metadata } from "next";
import Link from "next/link";
import { requireRole } from "@/lib/auth";
import { CASE_STATUSES, CASE_STATUS_LABELS } from "@/lib/cases/status";
import { nominateCaseAction, recordDecisionAction, recordMeetingAction } from "@/lib/conference/actions";
import { getConferencePageData } from "@/lib/conference/views";
import { DISCIPLINE_LABELS } from "@/lib/clinic/disciplines";
import { formatDateTime } from "@/lib/time";
import { ActionForm, FieldError } from "../../_components/action-form";
import { PriorityBadge } from "../../_components/appointments";
import { Badge, ButtonLink, Card, CardTitle, EmptyState, PageHeader, inputClass } from "../../_components/ui";

export const metadata: Metadata = { title: "Case conference" };

export default async function ConferencePage() {
  const user = await requireRole("practitioner", "admin");
  // A restricted viewer gets no form pre-filled with what they cannot read (the same rule the commands enforce).
  const { conference, items, attendeeIds, suggestions, practitioners, canRecord, timeZone } = await getConferencePageData({ viewer: user });
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title="Weekly case conference"
        description={`${formatDateTime(conference.startsAt, timeZone)} · ${items.length} case${items.length === 1 ? "" : "s"} on the agenda${conference.heldAt ? " · recorded" : ""}`}
        actions={
          <ButtonLink href={`/cases/conference/${conference.id}/print`} variant="secondary">
            Printable agenda
          </ButtonLink>
        }
      />

      <section aria-labelledby="agenda" className="flex flex-col gap-4">
        <h2 id="agenda" className="text-xl font-semibold">
          Agenda
        </h2>
        {items.length ? (
          items.map((item, index) => (
            <Card key={item.id} aria-labelledby={`item-${item.id}`}>
              <h3 id={`item-${item.id}`} className="mb-1 flex flex-wrap items-center gap-2 text-lg font-semibold">
                {index + 1}.{" "}
                <Link href={`/cases/${item.caseId}`} className="text-brand-700 underline">
                  {item.patientName}
                </Link>
                <PriorityBadge priority={item.priority} /> <Badge>{CASE_STATUS_LABELS[item.caseStatus]}</Badge>
                {item.discussedAt ? <Badge tone="success">Discussed</Badge> : null}
              </h3>
              <p className="mb-3 text-muted">
                Why: {item.reason}
                {item.nominatedByName ? ` (nominated by ${item.nominatedByName})` : " (suggested)"}
              </p>
              {item.discussedAt ? (
                <div className="mb-3">
                  <p>
                    <strong>Recommendation:</strong> {item.recommendation}
                  </p>
                  {item.actions.length ? (
                    <ul className="list-disc pl-5">
                      {item.actions.map((a) => (
                        <li key={a.id}>
                          {a.ownerName}: {a.description} (due {a.dueOn}){a.completedAt ? " — done" : ""}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </div>
              ) : null}
              {canRecord ? (
                <details open={!item.discussedAt}>
                  <summary className="cursor-pointer font-medium text-brand-700">{item.discussedAt ? "Add to the decision" : "Record the decision"}</summary>
                  <ActionForm action={recordDecisionAction} submitLabel="Save decision" success="Decision recorded." className="mt-2">
                    <input type="hidden" name="itemId" value={item.id} />
                    <label className="flex flex-col gap-1">
                      Recommendation
                      <textarea name="recommendation" rows={2} defaultValue={item.recommendation} className={inputClass} />
                    </label>
                    <FieldError name="recommendation" />
                    <label className="flex flex-col gap-1">
                      Move the case to
                      <select name="outcomeStatus" defaultValue="" className={inputClass}>
                        <option value="">Leave the status as it is</option>
                        {CASE_STATUSES.filter((s) => s !== "new" && s !== item.caseStatus).map((s) => (
                          <option key={s} value={s}>
                            {CASE_STATUS_LABELS[s]}
                          </option>
                        ))}
                      </select>
                    </label>
                    <fieldset className="flex flex-col gap-2">
                      <legend className="font-medium">Action items</legend>
                      {[0, 1].map((i) => (
                        <div key={i} className="grid gap-2 sm:grid-cols-[1fr_2fr_10rem]">
                          <label className="flex flex-col gap-1 text-sm">
                            Owner {i + 1}
                            <select name={`actions.${i}.ownerPractitionerId`} defaultValue="" className={inputClass}>
                              <option value="">—</option>
                              {practitioners.map((p) => (
                                <option key={p.id} value={p.id}>
                                  {p.name} ({DISCIPLINE_LABELS[p.discipline]})
                                </option>
                              ))}
                            </select>
                            <FieldError name={`actions.${i}.ownerPractitionerId`} />
                          </label>
                          <label className="flex flex-col gap-1 text-sm">
                            Action {i + 1}
                            <input name={`actions.${i}.description`} className={inputClass} />
                            <FieldError name={`actions.${i}.description`} />
                          </label>
                          <label className="flex flex-col gap-1 text-sm">
                            Due {i + 1}
                            <input name={`actions.${i}.dueOn`} type="date" className={inputClass} />
                            <FieldError name={`actions.${i}.dueOn`} />
                          </label>
                        </div>
                      ))}
                    </fieldset>
                  </ActionForm>
                </details>
              ) : null}
            </Card>
          ))
        ) : (
          <EmptyState>No cases on the agenda yet. Nominate one from its case page, or add a suggested one below.</EmptyState>
        )}
      </section>

      <section aria-labelledby="suggested">
        <h2 id="suggested" className="mb-2 text-xl font-semibold">
          Suggested by the rules
        </h2>
        {suggestions.length ? (
          <ul className="flex flex-col gap-2">
            {suggestions.map((s) => (
              <li key={s.case_id} className="flex flex-wrap items-center justify-between gap-3 rounded-xl border border-line bg-white p-3">
                <span>
                  <Link href={`/cases/${s.case_id}`} className="font-medium text-brand-700 underline">
                    {s.patient_name}
                  </Link>{" "}
                  — {s.reason}
                </span>
                {canRecord ? (
                  <ActionForm action={nominateCaseAction} submitLabel="Add to agenda" variant="secondary" inline>
                    <input type="hidden" name="caseId" value={s.case_id} />
                    <input type="hidden" name="reason" value={s.reason} />
                  </ActionForm>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <EmptyState>No further cases match the conference rules.</EmptyState>
        )}
      </section>

      {canRecord ? (
        <Card>
          <CardTitle>Attendance and summary</CardTitle>
          <ActionForm action={recordMeetingAction} submitLabel="Save attendance and summary" success="Saved.">
            <input type="hidden" name="conferenceId" value={conference.id} />
            <fieldset>
              <legend className="mb-2 font-medium">Who attended</legend>
              <div className="grid gap-2 sm:grid-cols-3">
                {practitioners.map((p) => (
                  <label key={p.id} className="flex min-h-11 items-center gap-2">
                    <input type="checkbox" name="attendees" value={p.id} defaultChecked={attendeeIds.includes(p.id)} className="h-5 w-5 accent-brand-600" />
                    {p.name}
                  </label>
                ))}
              </div>
            </fieldset>
            <label className="flex flex-col gap-1">
              Summary
              <textarea name="summary" rows={4} defaultValue={conference.summary} className={inputClass} />
            </label>
          </ActionForm>
        </Card>
      ) : null}
    </div>
  );
}
