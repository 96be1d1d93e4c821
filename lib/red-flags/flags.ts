import "server-only";
import { and, asc, desc, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db/client";
import { rowsOf } from "@/db/client";
import { cases, patientRedFlags, redFlagEvents, users } from "@/db/schema";
import type { Blocker } from "@/lib/appointments/transitions";
import { recordAuditEvent } from "@/lib/audit";
import { DomainError } from "@/lib/errors";
import { asRedFlagCodes, priorityOfFlag, type RedFlagCode } from "@/lib/triage/red-flags";
import { canClearFlag, whoCanClear, type Viewer } from "./policy";

/**
 * A patient's red flags: reported by requests, cleared one by one by the clinicians the policy names.
 * Reports, clearances and the hands-on gate of one patient are serialized by one advisory lock (the
 * database takes it too: migration 0012).
 */

export async function lockPatientFlags(tx: Tx, patientId: string): Promise<void> {
  await tx.execute(sql`select lock_patient_flags(${patientId}::uuid)`);
}

/**
 * Records what a request reported as the patient's flags: a new flag is added, an uncleared one is
 * reported again, a cleared one becomes uncleared again. Returns the codes that are uncleared because of
 * this report and were not before.
 */
export async function reportRedFlags(tx: Tx, input: { patientId: string; codes: readonly RedFlagCode[]; appointmentId: string | null; caseId: string | null }): Promise<RedFlagCode[]> {
  if (!input.codes.length) return [];
  await lockPatientFlags(tx, input.patientId);
  const existing = await tx
    .select({ id: patientRedFlags.id, code: patientRedFlags.code, clearedAt: patientRedFlags.clearedAt })
    .from(patientRedFlags)
    .where(and(eq(patientRedFlags.patientId, input.patientId), inArray(patientRedFlags.code, [...input.codes])));
  const newlyUncleared: RedFlagCode[] = [];
  for (const code of input.codes) {
    const known = existing.find((f) => f.code === code);
    let flagId: string;
    if (known) {
      flagId = known.id;
      await tx
        .update(patientRedFlags)
        .set({ lastReportedAt: sql`now()`, clearedAt: null, clearedBy: null, clearanceNote: null })
        .where(eq(patientRedFlags.id, known.id));
      if (known.clearedAt) newlyUncleared.push(code);
    } else {
      const [row] = await tx
        .insert(patientRedFlags)
        .values({ patientId: input.patientId, code, priority: priorityOfFlag(code) })
        .returning({ id: patientRedFlags.id });
      flagId = row!.id;
      newlyUncleared.push(code);
    }
    await tx.insert(redFlagEvents).values({ flagId, kind: "reported", appointmentId: input.appointmentId, caseId: input.caseId });
  }
  return newlyUncleared;
}

/** What blocks hands-on care for this patient (and this request): the database's own rule (migration 0012). */
export async function loadBlockers(db: DbOrTx, patientId: string, appointmentId: string | null): Promise<Blocker[]> {
  const rows = rowsOf<{ code: string; priority: Blocker["priority"] }>(await db.execute(sql`select code, priority from hands_on_blockers(${patientId}::uuid, ${appointmentId}::uuid) order by code`));
  return asRedFlagCodes(rows.map((r) => r.code)).map((code) => ({ code, priority: rows.find((r) => r.code === code)!.priority }));
}

/** Uncleared flags of several patients at once (desk and queue lists). */
export async function unclearedFlagsOf(db: DbOrTx, patientIds: readonly string[]): Promise<Map<string, Blocker[]>> {
  const byPatient = new Map<string, Blocker[]>();
  if (!patientIds.length) return byPatient;
  const rows = await db
    .select({ patientId: patientRedFlags.patientId, code: patientRedFlags.code, priority: patientRedFlags.priority })
    .from(patientRedFlags)
    .where(and(inArray(patientRedFlags.patientId, [...new Set(patientIds)]), isNull(patientRedFlags.clearedAt)))
    .orderBy(asc(patientRedFlags.code));
  for (const r of rows) {
    const [code] = asRedFlagCodes([r.code]);
    if (!code || r.priority === "routine") continue;
    byPatient.set(r.patientId, [...(byPatient.get(r.patientId) ?? []), { code, priority: r.priority }]);
  }
  return byPatient;
}

/** Every flag of a patient with its history, oldest event first (the case page). */
export async function listPatientFlags(db: DbOrTx, patientId: string) {
  const flags = await db
    .select({
      id: patientRedFlags.id,
      code: patientRedFlags.code,
      priority: patientRedFlags.priority,
      firstReportedAt: patientRedFlags.firstReportedAt,
      lastReportedAt: patientRedFlags.lastReportedAt,
      clearedAt: patientRedFlags.clearedAt,
    })
    .from(patientRedFlags)
    .where(eq(patientRedFlags.patientId, patientId))
    .orderBy(asc(patientRedFlags.firstReportedAt), asc(patientRedFlags.code));
  const events = flags.length
    ? await db
        .select({
          flagId: redFlagEvents.flagId,
          kind: redFlagEvents.kind,
          at: redFlagEvents.at,
          caseId: redFlagEvents.caseId,
          appointmentId: redFlagEvents.appointmentId,
          note: redFlagEvents.note,
          actorName: users.name,
        })
        .from(redFlagEvents)
        .leftJoin(users, eq(users.id, redFlagEvents.actorUserId))
        .where(
          inArray(
            redFlagEvents.flagId,
            flags.map((f) => f.id),
          ),
        )
        .orderBy(asc(redFlagEvents.at), asc(redFlagEvents.id))
    : [];
  return flags.flatMap((f) => {
    const [code] = asRedFlagCodes([f.code]);
    if (!code || f.priority === "routine") return [];
    return [{ ...f, code, priority: f.priority, history: events.filter((e) => e.flagId === f.id).map((e) => ({ ...e, kind: e.kind as "reported" | "cleared" })) }];
  });
}
export type PatientFlag = Awaited<ReturnType<typeof listPatientFlags>>[number];

/**
 * A clinician clears one flag with a short clinical note. Who may clear is the policy's (data); the
 * clearance is audited. It releases hands-on appointments for confirmation — it confirms nothing.
 */
export async function clearRedFlag(tx: Tx, input: { flagId: string; note: string; viewer: Viewer & { id: string } }) {
  const [found] = await tx.select({ patientId: patientRedFlags.patientId }).from(patientRedFlags).where(eq(patientRedFlags.id, input.flagId));
  if (!found) throw new DomainError("not_found", "red_flag");
  await lockPatientFlags(tx, found.patientId);
  const [flag] = await tx.select().from(patientRedFlags).where(eq(patientRedFlags.id, input.flagId)).for("update");
  if (!flag || flag.priority === "routine") throw new DomainError("not_found", "red_flag");
  if (flag.clearedAt) throw new DomainError("already_cleared");
  if (!canClearFlag(input.viewer, { priority: flag.priority, clearedAt: null })) {
    throw new DomainError("forbidden", "clear_flag", { params: { who: whoCanClear(flag.priority) } });
  }
  await tx
    .update(patientRedFlags)
    .set({ clearedAt: sql`now()`, clearedBy: input.viewer.id, clearanceNote: input.note })
    .where(eq(patientRedFlags.id, flag.id));
  await tx.insert(redFlagEvents).values({ flagId: flag.id, kind: "cleared", actorUserId: input.viewer.id, note: input.note });
  const [stillOpen] = await tx
    .select({ id: patientRedFlags.id })
    .from(patientRedFlags)
    .where(and(eq(patientRedFlags.patientId, flag.patientId), isNull(patientRedFlags.clearedAt)))
    .limit(1);
  const [openCase] = await tx
    .select({ id: cases.id })
    .from(cases)
    .where(and(eq(cases.patientId, flag.patientId), ne(cases.status, "discharged")))
    .orderBy(desc(cases.openedAt))
    .limit(1);
  if (!stillOpen && openCase)
    await tx
      .update(cases)
      .set({ awaitingReview: false, updatedAt: sql`now()` })
      .where(eq(cases.id, openCase.id));
  await recordAuditEvent(tx, {
    actor: { id: input.viewer.id, role: input.viewer.role },
    action: "red_flag.cleared",
    patientId: flag.patientId,
    caseId: openCase?.id ?? null,
    entityType: "red_flag",
    entityId: flag.id,
    details: { code: flag.code, priority: flag.priority },
  });
  return { patientId: flag.patientId, caseId: openCase?.id ?? null };
}
