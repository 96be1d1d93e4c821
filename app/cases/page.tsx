import type { Metadata } from "next";
import Link from "next/link";
import { requireRole } from "@/lib/auth";
import { claimCaseAction } from "@/lib/cases/actions";
import { getQueuePageData } from "@/lib/cases/views";
import { QueueFiltersSchema } from "@/lib/cases/schemas";
import { CASE_STATUSES, CASE_STATUS_LABELS, DURATION_CLASS_LABELS } from "@/lib/cases/status";
import { completeActionItemAction } from "@/lib/conference/actions";
import { DISCIPLINES, DISCIPLINE_LABELS } from "@/lib/clinic/disciplines";
import { PRIORITIES, PRIORITY_LABELS } from "@/lib/triage/red-flags";
import { ActionForm } from "../_components/action-form";
import { PriorityBadge } from "../_components/appointments";
import { MyDay } from "./my-day";
import { Badge, ButtonLink, Card, EmptyState, PageHeader, LabeledSelect, Table, inputClass } from "../_components/ui";

export const metadata: Metadata = { title: "Cases" };

type Search = Record<string, string | string[] | undefined>;

export default async function CasesPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requireRole("practitioner", "admin");
  const raw = await searchParams;
  const filters = QueueFiltersSchema.parse(Object.fromEntries(Object.entries(raw).filter(([, v]) => typeof v === "string")));
  const { queue, counts, actions, day } = await getQueuePageData({ viewer: user, filters });
  const link = (over: Record<string, string | undefined>) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...filters, after: undefined, ...over })) if (v) q.set(k, String(v));
    return `/cases?${q}`;
  };

  return (
    <>
      <PageHeader
        title="Cases"
        description={user.discipline ? `${user.name} · ${DISCIPLINE_LABELS[user.discipline]}` : "The shared case queue"}
        actions={
          <>
            {user.practitionerId ? (
              <ButtonLink href="#queue" variant="secondary">
                Case queue
              </ButtonLink>
            ) : null}
            <ButtonLink href="/cases/conference" variant="secondary">
              Case conference
            </ButtonLink>
            <ButtonLink href="/cases/referrals/new" variant="secondary">
              Record a referral
            </ButtonLink>
            <ButtonLink href="/cases/exercises" variant="secondary">
              Exercise library
            </ButtonLink>
          </>
        }
      />

      {user.practitionerId ? <MyDay visits={day} /> : null}

      {user.practitionerId ? (
        <section aria-labelledby="my-actions" className="mb-6">
          <h2 id="my-actions" className="mb-2 text-xl font-semibold">
            My action items ({actions.length})
          </h2>
          {actions.length ? (
            <ul className="flex flex-col gap-2">
              {actions.map((a) => (
                <li key={a.id} className="flex flex-wrap items-center justify-between gap-3 rounded-xl border border-line bg-white p-3">
                  <span>
                    <Link href={`/cases/${a.caseId}`} className="font-medium text-brand-700 underline">
                      {a.patientName}
                    </Link>
                    : {a.description} <span className="text-sm text-muted">(due {a.dueOn})</span>
                  </span>
                  <ActionForm action={completeActionItemAction} submitLabel="Mark done" variant="secondary" inline>
                    <input type="hidden" name="actionItemId" value={a.id} />
                  </ActionForm>
                </li>
              ))}
            </ul>
          ) : (
            <EmptyState>No open action items.</EmptyState>
          )}
        </section>
      ) : null}

      <h2 id="queue" className="mb-2 text-xl font-semibold">
        Case queue
      </h2>
      <nav aria-label="Cases by status" className="mb-4 flex flex-wrap gap-2">
        <Link
          href={link({ status: undefined })}
          aria-current={!filters.status ? "page" : undefined}
          className="rounded-full border border-line bg-white px-3 py-1 aria-[current=page]:border-brand-600 aria-[current=page]:bg-brand-50"
        >
          Open ({counts.new + counts.triaged + counts.in_care + counts.case_conference})
        </Link>
        {CASE_STATUSES.map((s) => (
          <Link
            key={s}
            href={link({ status: s })}
            aria-current={filters.status === s ? "page" : undefined}
            className="rounded-full border border-line bg-white px-3 py-1 aria-[current=page]:border-brand-600 aria-[current=page]:bg-brand-50"
          >
            {CASE_STATUS_LABELS[s]} ({counts[s]})
          </Link>
        ))}
      </nav>

      <form method="get" action="/cases" className="mb-4 grid gap-3 rounded-xl border border-line bg-white p-4 sm:grid-cols-3 lg:grid-cols-6" aria-label="Filter cases">
        {filters.status ? <input type="hidden" name="status" value={filters.status} /> : null}
        <label className="flex flex-col gap-1 text-sm">
          Search
          <input name="q" defaultValue={filters.q ?? ""} placeholder="Patient name or email" className={inputClass} />
        </label>
        <LabeledSelect name="priority" label="Priority" emptyLabel="Any" value={filters.priority} options={PRIORITIES.map((p) => ({ value: p, label: PRIORITY_LABELS[p] }))} />
        <LabeledSelect name="discipline" label="Discipline" emptyLabel="Any" value={filters.discipline} options={DISCIPLINES.map((d) => ({ value: d, label: DISCIPLINE_LABELS[d] }))} />
        <label className="flex flex-col gap-1 text-sm">
          Lead
          <select name="owner" defaultValue={filters.owner ?? ""} className={inputClass}>
            <option value="">Anyone</option>
            {user.practitionerId ? <option value="mine">Mine</option> : null}
            <option value="unassigned">Unassigned</option>
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm">
          Sort
          <select name="sort" defaultValue={filters.sort} className={inputClass}>
            <option value="priority">Most urgent first</option>
            <option value="oldest">Oldest first</option>
            <option value="newest">Newest first</option>
          </select>
        </label>
        <div className="flex flex-col justify-end gap-2">
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="redFlags" value="yes" defaultChecked={filters.redFlags === "yes"} className="h-5 w-5 accent-brand-600" />
            Has red flags
          </label>
          <button type="submit" className="min-h-11 rounded-lg bg-brand-600 px-4 font-medium text-white">
            Filter
          </button>
        </div>
      </form>

      {queue.rows.length ? (
        <Table caption="Case queue">
          <thead>
            <tr>
              <th scope="col">Patient</th>
              <th scope="col">Priority</th>
              <th scope="col">Status</th>
              <th scope="col">Duration</th>
              <th scope="col">Lead</th>
              <th scope="col">Opened</th>
            </tr>
          </thead>
          <tbody>
            {queue.rows.map((c) => (
              <tr key={c.id}>
                <td>
                  <Link href={`/cases/${c.id}`} className="font-medium text-brand-700 underline">
                    {c.patientName}
                  </Link>
                  {c.hasRedFlags ? (
                    <>
                      {" "}
                      <Badge tone={c.redFlagsCleared ? "neutral" : "danger"}>{c.redFlagsCleared ? "Red flags cleared" : "Red flags"}</Badge>
                    </>
                  ) : null}
                  {c.awaitingReview ? (
                    <>
                      {" "}
                      <Badge tone="warning">Awaiting review</Badge>
                    </>
                  ) : null}
                </td>
                <td>
                  <PriorityBadge priority={c.priority} />
                </td>
                <td>{CASE_STATUS_LABELS[c.status]}</td>
                <td>{c.durationClass ? DURATION_CLASS_LABELS[c.durationClass] : "—"}</td>
                <td>
                  {c.leadName ??
                    (user.practitionerId ? (
                      <ActionForm action={claimCaseAction} submitLabel="Claim" variant="secondary" inline>
                        <input type="hidden" name="caseId" value={c.id} />
                      </ActionForm>
                    ) : (
                      <span className="text-muted">Unassigned</span>
                    ))}
                </td>
                <td className="whitespace-nowrap text-sm">{c.openedAt.toISOString().slice(0, 10)}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : (
        <EmptyState>No cases match these filters.</EmptyState>
      )}
      <div className="mt-4 flex gap-3">
        {filters.after ? (
          <ButtonLink href={link({})} variant="secondary">
            First page
          </ButtonLink>
        ) : null}
        {queue.next ? (
          <ButtonLink href={link({ after: queue.next })} variant="secondary">
            Next page
          </ButtonLink>
        ) : null}
      </div>

      {user.practitionerId ? (
        <Card className="mt-8">
          <h2 className="mb-1 font-semibold">Your schedule in your calendar app</h2>
          <p className="text-sm text-muted">
            Create a private feed per device, and revoke one you no longer use, on{" "}
            <Link href="/account#feeds" className="text-brand-700 underline">
              your account page
            </Link>
            .
          </p>
        </Card>
      ) : null}
    </>
  );
}
