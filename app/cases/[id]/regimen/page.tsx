import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requireRole } from "@/lib/auth";
import { label } from "@/lib/regimens/kinds";
import { getRegimenPageData } from "@/lib/regimens/views";
import type { RegimenItemInput } from "@/lib/regimens/schemas";
import { addDaysIso } from "@/lib/time";
import { Alert, ButtonLink, Card, CardTitle, PageHeader } from "../../../_components/ui";
import { doseText } from "../../../_components/regimen";
import { RegimenBuilder } from "./builder";

export const metadata: Metadata = { title: "Exercise plan" };

export default async function RegimenPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireRole("practitioner", "admin");
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const data = await getRegimenPageData({ viewer: user, caseId: id });
  if (!data) notFound();
  const { case: c, versions, exercises, templates, editable, today } = data;
  const current = versions.find((v) => v.isCurrent);
  const toInput = (i: (typeof versions)[number]["items"][number]): RegimenItemInput => ({
    exerciseId: i.exerciseId,
    sets: i.sets,
    reps: i.reps ?? undefined,
    durationSeconds: i.durationSeconds ?? undefined,
    holdSeconds: i.holdSeconds ?? undefined,
    timesPerDay: i.timesPerDay,
    daysPerWeek: i.daysPerWeek,
    side: i.side as RegimenItemInput["side"],
    notes: i.notes,
  });

  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={`Exercise plan: ${c.patientName}`}
        description={current ? `Version ${current.version}, from ${current.startDate}, review on ${current.reviewDate}` : "No plan yet"}
        actions={
          <>
            <ButtonLink href={`/cases/${id}`} variant="secondary">
              Back to the case
            </ButtonLink>
            {current ? (
              <ButtonLink href={`/cases/${id}/regimen/print`} variant="secondary">
                Printable sheet
              </ButtonLink>
            ) : null}
          </>
        }
      />
      {editable ? (
        <RegimenBuilder
          defaults={{
            caseId: id,
            title: current?.title ?? "",
            startDate: today,
            reviewDate: current && current.reviewDate >= today ? current.reviewDate : addDaysIso(today, 28),
            items: current ? current.items.map(toInput) : [],
          }}
          exercises={exercises.map((e) => ({
            id: e.id,
            name: e.name,
            instructions: e.instructions,
            bodyArea: e.bodyArea,
            position: e.position,
            equipment: e.equipment,
            difficulty: e.difficulty,
            pictureStartUrl: e.pictureStartUrl,
            pictureStartAlt: e.pictureStartAlt,
          }))}
          templates={templates.map((t) => ({ id: t.id, name: t.name, description: t.description, items: t.items }))}
        />
      ) : (
        <Alert tone="info">Only practitioners on this case (its lead, or a discipline involved) can change the plan.</Alert>
      )}
      <section aria-labelledby="history">
        <h2 id="history" className="mb-3 text-xl font-semibold">
          Versions
        </h2>
        {versions.length ? (
          <div className="flex flex-col gap-3">
            {versions.map((v) => (
              <Card key={v.id} aria-label={`Version ${v.version}`}>
                <CardTitle>
                  Version {v.version}: {v.title} {v.isCurrent ? "(current)" : ""}
                </CardTitle>
                <p className="mb-2 text-sm text-muted">
                  By {v.authorName} on {v.createdAt.toISOString().slice(0, 10)} · from {v.startDate} · review {v.reviewDate}
                </p>
                <ol className="list-decimal pl-5">
                  {v.items.map((i) => (
                    <li key={i.id}>
                      <Link href={`/cases/exercises#${i.exerciseSlug}`} className="underline">
                        {i.exerciseName}
                      </Link>{" "}
                      — {doseText(i)}
                      {i.side !== "both" ? `, ${label(i.side).toLowerCase()}` : ""}
                    </li>
                  ))}
                </ol>
              </Card>
            ))}
          </div>
        ) : (
          <p className="text-muted">No versions yet.</p>
        )}
      </section>
    </div>
  );
}
