import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requireRole } from "@/lib/auth";
import { CASE_STATUS_LABELS, DURATION_CLASS_LABELS } from "@/lib/cases/status";
import { getCasePageData } from "@/lib/cases/views";
import { formatDateTime } from "@/lib/time";
import { PriorityBadge } from "../../_components/appointments";
import { Badge, PageHeader } from "../../_components/ui";
import { CareTeamCard } from "./care-team-card";
import { ConferenceCard } from "./conference-card";
import { NotesCard } from "./notes-card";
import { PainCard } from "./pain-card";
import { PlanCard } from "./plan-card";
import { RedFlagsCard } from "./red-flags-card";
import { ReferralsCard } from "./referrals-card";
import { RequestsCard } from "./requests-card";
import { SeriesCard } from "./series-card";
import { TimelineCard } from "./timeline-card";

/**
 * One case, as the viewer may see it: the loader (lib/cases/views) checks access, filters for the viewer's
 * role, says what the viewer may do, and audits the read; each section renders its part.
 */
export const metadata: Metadata = { title: "Case" };

export default async function CasePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireRole("practitioner", "admin");
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const data = await getCasePageData({ viewer: user, caseId: id });
  if (!data) notFound();
  const { record } = data;
  const { case: c, restricted } = record;
  const when = (d: Date) => formatDateTime(d, data.timeZone);

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
        <CareTeamCard data={data} />
        <PainCard data={data} when={when} />
      </div>

      <PlanCard data={data} />
      {data.series ? <SeriesCard caseId={c.id} services={data.series.services} practitioners={data.series.practitioners} /> : null}
      <RequestsCard data={data} />
      <NotesCard data={data} when={when} discipline={user.discipline} />
      {!restricted ? <ReferralsCard data={data} /> : null}
      <ConferenceCard data={data} when={when} />
      <TimelineCard data={data} when={when} />

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
