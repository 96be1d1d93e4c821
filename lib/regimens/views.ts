import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { cases, patients } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth";
import { recordAuditEvent } from "@/lib/audit";
import { listLocations } from "@/lib/clinic/queries";
import { localDate } from "@/lib/time";
import { canEditRegimen, listExercises, listRegimenVersions, listTemplates } from "./regimens";

/** The regimen builder and its printable sheet: one loader each, audited. */

async function caseOf(caseId: string) {
  const [c] = await getDb()
    .select({ id: cases.id, patientId: cases.patientId, leadPractitionerId: cases.leadPractitionerId, disciplines: cases.disciplines, patientName: patients.fullName })
    .from(cases)
    .innerJoin(patients, eq(patients.id, cases.patientId))
    .where(eq(cases.id, caseId));
  return c ?? null;
}

export async function getRegimenPageData({ viewer, caseId }: { viewer: CurrentUser; caseId: string }) {
  const db = getDb();
  const c = await caseOf(caseId);
  if (!c) return null;
  const [versions, exercises, templates, locations] = await Promise.all([listRegimenVersions(db, caseId), listExercises(db), listTemplates(db), listLocations(db)]);
  await recordAuditEvent(db, { actor: viewer, action: "regimen.viewed", patientId: c.patientId, caseId, entityType: "case", entityId: caseId });
  return { case: c, versions, exercises, templates, editable: canEditRegimen(viewer, c), today: localDate(new Date(), locations[0]?.timeZone ?? "UTC") };
}

export async function getRegimenPrintData({ viewer, caseId }: { viewer: CurrentUser; caseId: string }) {
  const db = getDb();
  const c = await caseOf(caseId);
  if (!c) return null;
  const current = (await listRegimenVersions(db, caseId)).find((v) => v.isCurrent);
  if (!current) return null;
  await recordAuditEvent(db, { actor: viewer, action: "regimen.printed", patientId: c.patientId, caseId, entityType: "regimen", entityId: current.id });
  return { patientName: c.patientName, current };
}

/** The exercise library (no patient data). */
export async function getExerciseLibrary() {
  return listExercises(getDb());
}
