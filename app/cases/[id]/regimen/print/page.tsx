import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { cases, patients } from "@/db/schema";
import { requireRole } from "@/lib/auth";
import { recordAuditEvent } from "@/lib/audit";
import { listRegimenVersions } from "@/lib/regimens/regimens";
import { RegimenSheet } from "../../../../_components/regimen-sheet";

export const metadata: Metadata = { title: "Exercise plan (print)" };

export default async function PrintRegimenPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireRole("practitioner", "admin");
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const db = getDb();
  const [c] = await db.select({ patientId: cases.patientId, patientName: patients.fullName }).from(cases).innerJoin(patients, eq(patients.id, cases.patientId)).where(eq(cases.id, id));
  if (!c) notFound();
  const current = (await listRegimenVersions(db, id)).find((v) => v.isCurrent);
  if (!current) notFound();
  await recordAuditEvent(db, { actor: user, action: "regimen.printed", patientId: c.patientId, caseId: id, entityType: "regimen", entityId: current.id });
  return <RegimenSheet title={current.title} patientName={c.patientName} author={current.authorName} startDate={current.startDate} reviewDate={current.reviewDate} items={current.items} />;
}
