import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requireRole } from "@/lib/auth";
import { CASE_STATUS_LABELS } from "@/lib/cases/status";
import { getConferencePrintData } from "@/lib/conference/views";
import { PRIORITY_LABELS } from "@/lib/triage/red-flags";
import { formatDateTime } from "@/lib/time";

export const metadata: Metadata = { title: "Conference agenda" };

/** A plain page made for paper: the agenda in order, with room to write. */
export default async function PrintAgendaPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireRole("practitioner", "admin");
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const data = await getConferencePrintData({ viewer: user, conferenceId: id });
  if (!data) notFound();
  const { conference, items, timeZone } = data;
  return (
    <article className="mx-auto max-w-3xl bg-white p-6 print:p-0">
      <h1 className="text-2xl font-semibold">Case conference — {formatDateTime(conference.startsAt, timeZone)}</h1>
      <p className="mb-6 text-muted">Backline spine &amp; massage clinic · confidential · {items.length} cases</p>
      <ol className="flex flex-col gap-6">
        {items.map((item) => (
          <li key={item.id} className="break-inside-avoid border-b border-line pb-4">
            <h2 className="text-lg font-semibold">
              {item.patientName} — {PRIORITY_LABELS[item.priority]}, {CASE_STATUS_LABELS[item.caseStatus]}
              {item.hasRedFlags ? " — red flags" : ""}
            </h2>
            <p>Reason: {item.reason}</p>
            <p className="mt-2">Recommendation: {item.recommendation || "______________________________________________"}</p>
            <p className="mt-2">Actions (owner, what, due): ____________________________________________</p>
          </li>
        ))}
      </ol>
    </article>
  );
}
