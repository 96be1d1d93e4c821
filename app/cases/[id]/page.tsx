import type { Metadata } from "next";
import { triageReasonText } from "@/lib/triage/assess";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requireRole } from "@/lib/auth";
import { addNoteAction, assignCaseAction, editNoteAction, recordPainScoreAction, recordPsfsAction, transitionCaseAction } from "@/lib/cases/actions";
import { CASE_STATUS_LABELS, DURATION_CLASS_LABELS } from "@/lib/cases/status";
import { nextStatuses } from "@/lib/cases/transitions";
import { getCasePageData } from "@/lib/cases/views";
import { completeActionItemAction, nominateCaseAction } from "@/lib/conference/actions";
import { DISCIPLINE_LABELS } from "@/lib/clinic/disciplines";
import { sendReferralAction, updateReferralStatusAction } from "@/lib/referrals/actions";
import { REFERRAL_STATUS_LABELS, SPECIALTY_LABELS } from "@/lib/referrals/kinds";
import { nextReferralStatuses } from "@/lib/referrals/referrals";
import { formatDateTime } from "@/lib/time";
import { PercentBars } from "../../_components/regimen";
import { ActionForm, FieldError } from "../../_components/action-form";
import { PriorityBadge, StatusBadge } from "../../_components/appointments";
import { TrendChart, axisDay } from "../../_components/trend-chart";
import { Alert, Badge, Card, CardTitle, EmptyState, LabeledSelect, PageHeader, Table, inputClass } from "../../_components/ui";
import { ReferralFields } from "../../_components/referral-form";
import { seriousUncleared } from "@/lib/red-flags/policy";
import { RedFlagsCard } from "./red-flags-card";

export const metadata: Metadata = { title: "Case" };

export default async function CasePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireRole("practitioner", "admin");
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const data = await getCasePageData({ viewer: user, caseId: id });
  if (!data) notFound();
  const { record, practitioners, progress, can } = data;
  const { case: c, restricted } = record;
  const when = (d: Date) => formatDateTime(d, data.timeZone);
  const editable = can.editRegimen;
  const mayDischarge = can.discharge;
  const statusChoices = can.statusChoices;

  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={c.patientName}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <PriorityBadge priority={c.priority} /> <Badge>{CASE_STATUS_LABELS[c.status]}</Badge>
            {c.durationClass ? <Badge tone="info">{DURATION_CLASS_LABELS[c.durationClass]}</Badge> : null}
            <span>Opened {when(c.openedAt)}</span>
            <span>· Lead: {c.leadName ?? "unassigned"}</span>
          </span>
        }
      />

      <RedFlagsCard record={record} viewer={user} when={when} />

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2 [&>*]:min-w-0">
        <Card>
          <CardTitle>Care team</CardTitle>
          <p className="mb-3">Disciplines involved: {c.disciplines.map((d) => DISCIPLINE_LABELS[d]).join(", ") || "none yet"}. {c.suggestedDiscipline ? `Suggested: ${DISCIPLINE_LABELS[c.suggestedDiscipline]}.` : ""}</p>
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
          {statusChoices.length ? (
            <ActionForm action={transitionCaseAction} submitLabel="Change status" variant="secondary" className="mt-3">
              <input type="hidden" name="caseId" value={c.id} />
              <LabeledSelect name="to" label="Move case to" options={statusChoices.map((s) => ({ value: s, label: CASE_STATUS_LABELS[s] }))} />
              {statusChoices.includes("discharged") ? (
                <label className="flex flex-col gap-1 text-sm">
                  Reason, when closing the case (required{seriousUncleared(record.flags).length ? "; a serious red flag is not cleared" : ""})
                  <textarea name="reason" rows={2} maxLength={1000} className={inputClass} />
                </label>
              ) : null}
              <FieldError name="reason" />
            </ActionForm>
          ) : null}
          {nextStatuses(c.status).includes("discharged") && !mayDischarge ? (
            <p className="mt-2 text-sm text-muted">Closing this case is a spine physician&apos;s decision while a serious red flag is not cleared.</p>
          ) : null}
          {c.dischargeReason ? <p className="mt-2 text-sm break-words">Closed because: {c.dischargeReason}</p> : null}
          {user.role === "practitioner" && c.status !== "discharged" ? (
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

        <Card>
          <CardTitle>Pain and function</CardTitle>
          <TrendChart
            label="Pain (0–10) and PSFS mean (0–10) over time"
            series={[
              { name: "Pain", color: "#b91c1c", points: record.pain.map((p) => ({ at: p.recordedAt, value: p.score })) },
              { name: "PSFS", color: "#0f766e", points: record.psfs.map((p) => ({ at: p.recordedAt, value: p.mean })) },
            ]}
          />
          <p className="mt-1 text-sm text-muted">
            <span className="text-red-700">■</span> Pain (lower is better) · <span className="text-brand-700">■</span> PSFS mean (higher is better; about 2 points is a meaningful change)
          </p>
          <Table caption="Pain and PSFS scores">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Measure</th>
                <th scope="col">Score</th>
              </tr>
            </thead>
            <tbody>
              {[
                ...record.pain.map((p) => ({ at: p.recordedAt, what: `Pain (${p.source})`, score: String(p.score) })),
                ...record.psfs.map((p) => ({ at: p.recordedAt, what: `PSFS (${p.kind.replace("_", "-")}): ${p.items.map((i) => `${i.activity} ${i.score}`).join(", ")}`, score: p.mean.toFixed(1) })),
              ]
                .sort((a, b) => b.at.getTime() - a.at.getTime())
                .map((r, i) => (
                  <tr key={i}>
                    <td className="whitespace-nowrap">{when(r.at)}</td>
                    <td>{r.what}</td>
                    <td>{r.score}</td>
                  </tr>
                ))}
            </tbody>
          </Table>
          {user.role === "practitioner" ? (
            <div className="mt-3 grid gap-3 sm:grid-cols-2">
              <ActionForm action={recordPainScoreAction} submitLabel="Record pain" variant="secondary">
                <input type="hidden" name="caseId" value={c.id} />
                <label className="flex flex-col gap-1 text-sm">
                  Pain now (0–10)
                  <input name="score" type="number" min={0} max={10} inputMode="numeric" className={inputClass} />
                </label>
                <FieldError name="score" />
              </ActionForm>
              <details>
                <summary className="cursor-pointer font-medium text-brand-700">Record PSFS</summary>
                <ActionForm action={recordPsfsAction} submitLabel="Record PSFS" variant="secondary" className="mt-2">
                  <input type="hidden" name="caseId" value={c.id} />
                  <input type="hidden" name="kind" value={record.psfs.length ? "follow_up" : "intake"} />
                  {[0, 1, 2].map((i) => (
                    <div key={i} className="grid grid-cols-[1fr_5rem] gap-2">
                      <label className="flex flex-col gap-1 text-sm">
                        Activity {i + 1}
                        <input name={`items.${i}.activity`} defaultValue={record.psfs.at(-1)?.items[i]?.activity ?? ""} className={inputClass} />
                      </label>
                      <label className="flex flex-col gap-1 text-sm">
                        0–10
                        <input name={`items.${i}.score`} type="number" min={0} max={10} className={inputClass} />
                      </label>
                      <FieldError name={`items.${i}.activity`} />
                    </div>
                  ))}
                  <FieldError name="items" />
                </ActionForm>
              </details>
            </div>
          ) : null}
        </Card>
      </div>

      <Card aria-labelledby="home-exercise">
        <CardTitle id="home-exercise">Home exercise plan</CardTitle>
        {progress ? (
          <div className="flex flex-col gap-4">
            <p>
              <strong>{progress.versions[0]!.title}</strong> (version {progress.versions[0]!.version}, from {progress.versions[0]!.startDate}, review {progress.versions[0]!.reviewDate}) ·{" "}
              <Link href={`/cases/${c.id}/regimen`} className="text-brand-700 underline">
                {editable ? "Edit the plan" : "See the plan"}
              </Link>{" "}
              ·{" "}
              <Link href={`/cases/${c.id}/regimen/print`} className="text-brand-700 underline">
                Printable sheet
              </Link>
            </p>
            {progress.reasons.length ? (
              <Alert tone="warning" title="Check in with the patient">
                <ul className="list-disc pl-5">
                  {progress.reasons.map((r) => (
                    <li key={r.key}>{r.text}</li>
                  ))}
                </ul>
              </Alert>
            ) : null}
            <div className="grid grid-cols-1 gap-4 lg:grid-cols-2 [&>*]:min-w-0">
              <div>
                <h3 className="mb-2 font-semibold">Adherence per week</h3>
                <PercentBars label="Adherence per week" axisLabel="Week starting · dashed line: 50%" bars={progress.weeks.slice(-8).map((w) => ({ name: `${axisDay(new Date(`${w.weekStart}T12:00:00Z`), data.timeZone)}${w.complete ? "" : " (so far)"}`, value: w.ratio }))} />
                <Table caption="Adherence per week">
                  <thead>
                    <tr>
                      <th scope="col">Week of</th>
                      <th scope="col">Done / asked</th>
                      <th scope="col">Adherence</th>
                    </tr>
                  </thead>
                  <tbody>
                    {progress.weeks.map((w) => (
                      <tr key={w.weekStart}>
                        <td>
                          {w.weekStart}
                          {w.complete ? "" : " (so far)"}
                        </td>
                        <td>
                          {w.done.toFixed(1)} / {w.expected.toFixed(1)}
                        </td>
                        <td>{Math.round(w.ratio * 100)}%</td>
                      </tr>
                    ))}
                  </tbody>
                </Table>
              </div>
              <div>
                <h3 className="mb-2 font-semibold">Per exercise</h3>
                <PercentBars label="Adherence per exercise" axisLabel="Dashed line: 50%" bars={progress.byExercise.map((e) => ({ name: e.name, value: e.ratio }))} />
                <Table caption="Adherence per exercise">
                  <thead>
                    <tr>
                      <th scope="col">Exercise</th>
                      <th scope="col">Adherence</th>
                    </tr>
                  </thead>
                  <tbody>
                    {progress.byExercise.map((e) => (
                      <tr key={e.exerciseId}>
                        <td>{e.name}</td>
                        <td>{Math.round(e.ratio * 100)}%</td>
                      </tr>
                    ))}
                  </tbody>
                </Table>
              </div>
            </div>
            <div>
              <h3 className="mb-2 font-semibold">Pain the patient logged at home</h3>
              <TrendChart label="Pain logged at home (0–10)" series={[{ name: "Pain", color: "#b91c1c", points: progress.pains.map((p) => ({ at: new Date(`${p.date}T12:00:00Z`), value: p.pain })) }]} />
              {progress.pains.length ? (
                <Table caption="Pain logged at home">
                  <thead>
                    <tr>
                      <th scope="col">Day</th>
                      <th scope="col">Pain</th>
                      {progress.comments.length ? <th scope="col">Comment</th> : null}
                    </tr>
                  </thead>
                  <tbody>
                    {progress.pains.map((p) => (
                      <tr key={p.date}>
                        <td>{p.date}</td>
                        <td>{p.pain}</td>
                        {progress.comments.length ? <td>{progress.comments.find((c) => c.date === p.date)?.comment ?? ""}</td> : null}
                      </tr>
                    ))}
                  </tbody>
                </Table>
              ) : null}
            </div>
          </div>
        ) : (
          <p>
            No home exercise plan yet.{" "}
            {editable ? (
              <Link href={`/cases/${c.id}/regimen`} className="text-brand-700 underline">
                Build one
              </Link>
            ) : null}
          </p>
        )}
      </Card>

      <Card>
        <CardTitle>Requests and triage</CardTitle>
        {record.requests.length ? (
          <ul className="flex flex-col gap-3">
            {record.requests.map((r) => (
              <li key={r.id} className="rounded-lg border border-line p-3">
                <p className="flex flex-wrap items-center gap-2 font-medium">
                  {r.serviceName} with {r.practitionerName} · {when(r.startsAt)} <StatusBadge status={r.status} />
                  {r.triage ? <PriorityBadge priority={r.triage.priority} /> : null}
                </p>
                {r.triage ? (
                  <>
                    <p className="text-sm">
                      {DURATION_CLASS_LABELS[r.triage.durationClass]} ({r.triage.weeksOfPain} weeks) · pain {r.painScore}/10 · suggested: {DISCIPLINE_LABELS[r.triage.suggestedDiscipline]}
                    </p>
                    <ul className="list-disc pl-5 text-sm text-muted">
                      {r.triage.reasons.map((reason) => (
                        <li key={JSON.stringify(reason)}>{triageReasonText(reason)}</li>
                      ))}
                    </ul>
                  </>
                ) : null}
                {!restricted && (r.worseWith || r.notes) ? (
                  <p className="mt-1 text-sm">
                    {r.worseWith ? <>Worse with: {r.worseWith}. </> : null}
                    {r.notes ? <>{r.notesEnteredBy === "staff" ? "Front desk's note (typed during a phone booking)" : "Patient's note"}: {r.notes}</> : null}
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <EmptyState>No requests on this case.</EmptyState>
        )}
      </Card>

      <Card>
        <CardTitle>Notes</CardTitle>
        {restricted ? <Alert tone="info" className="mb-3">You see notes written by massage therapists; physicians&apos; and other clinical notes are not shown to your role.</Alert> : null}
        {user.role === "practitioner" ? (
          <ActionForm action={addNoteAction} submitLabel="Add note" className="mb-4">
            <input type="hidden" name="caseId" value={c.id} />
            <label className="flex flex-col gap-1">
              New note{user.discipline ? ` (as ${DISCIPLINE_LABELS[user.discipline]})` : ""}
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
                {n.authorUserId === user.id ? (
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

      {!restricted ? (
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
                  {user.role === "practitioner" && nextReferralStatuses(r.status).length ? (
                    <ActionForm action={updateReferralStatusAction} submitLabel="Update" variant="secondary" inline className="mt-2">
                      <input type="hidden" name="referralId" value={r.id} />
                      <LabeledSelect name="status" label="Status" options={nextReferralStatuses(r.status).map((s) => ({ value: s, label: REFERRAL_STATUS_LABELS[s] }))} />
                    </ActionForm>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : (
            <p className="mb-4 text-muted">No referrals yet.</p>
          )}
          {user.role === "practitioner" ? (
            <details>
              <summary className="cursor-pointer font-medium text-brand-700">Refer out</summary>
              <ActionForm action={sendReferralAction} submitLabel="Send referral" className="mt-2">
                <input type="hidden" name="caseId" value={c.id} />
                <ReferralFields direction="outgoing" />
              </ActionForm>
            </details>
          ) : null}
        </Card>
      ) : null}

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
                {!a.completedAt && (a.ownerPractitionerId === user.practitionerId || user.role === "admin") ? (
                  <ActionForm action={completeActionItemAction} submitLabel="Mark done" variant="secondary" inline>
                    <input type="hidden" name="actionItemId" value={a.id} />
                  </ActionForm>
                ) : null}
              </li>
            ))}
          </ul>
        ) : null}
      </Card>

      <Card>
        <CardTitle>Timeline</CardTitle>
        <ol className="flex flex-col gap-2">
          {record.timeline.map((t, i) => (
            <li key={i} className="grid gap-1 sm:grid-cols-[12rem_1fr]">
              <time dateTime={t.at.toISOString()} className="text-sm text-muted">
                {when(t.at)}
              </time>
              <span>
                <Badge>{t.kind}</Badge> {t.title}
                {t.detail ? <span className="text-muted"> — {t.detail}</span> : null}
              </span>
            </li>
          ))}
        </ol>
      </Card>

      {!restricted ? (
        <p className="text-sm text-muted">
          Contact: {c.patientEmail} · {c.patientPhone} · born {c.patientDateOfBirth ?? "—"} ·{" "}
          <Link href="/cases" className="underline">
            Back to the queue
          </Link>
        </p>
      ) : null}
    </div>
  );
}
