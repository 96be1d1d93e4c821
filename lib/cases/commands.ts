import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { caseNotes, caseNoteVersions, cases, painScores, patientRedFlags, practitioners, psfsAssessments } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth";
import type { Role } from "@/lib/auth/roles";
import type { Discipline } from "@/lib/clinic/disciplines";
import { recordAuditEvent } from "@/lib/audit";
import { DomainError } from "@/lib/errors";
import { canDischargeCase, seriousUncleared } from "@/lib/red-flags/policy";
import { canAssignLead, canEditNote } from "./policy";
import type { CaseStatus } from "./status";
import { transitionCase } from "./transitions";

/** Every change to a case goes through here: checks, the write, and the audit event, in one transaction. */

async function lockCase(tx: Tx, caseId: string) {
  const [c] = await tx.select().from(cases).where(eq(cases.id, caseId)).for("update");
  if (!c) throw new DomainError("not_found", "case");
  return c;
}

/**
 * Changes a case's status through `transitionCase`. Closing a case while the patient has an uncleared
 * emergency or same-day flag is a spine physician's decision, with a reason (lib/red-flags/policy.ts);
 * the flags stay on the patient and show on their next case.
 */
export async function changeCaseStatus(
  tx: Tx,
  caseId: string,
  to: CaseStatus,
  actor: { id: string; role: Role; discipline?: Discipline | null },
  context: Record<string, unknown> = {},
  options: { reason?: string } = {},
) {
  const c = await lockCase(tx, caseId);
  const from = c.status;
  const result = transitionCase(from, to);
  if (!result.ok) throw new DomainError("invalid_transition", from === to ? "case_same" : "case", { params: { from: from.replace("_", " "), to: to.replace("_", " ") } });
  const reason = options.reason?.trim() || null;
  if (to === "discharged") {
    const flags = await tx
      .select({ priority: patientRedFlags.priority, clearedAt: patientRedFlags.clearedAt })
      .from(patientRedFlags)
      .where(and(eq(patientRedFlags.patientId, c.patientId), isNull(patientRedFlags.clearedAt)));
    const open = flags.flatMap((f) => (f.priority === "routine" ? [] : [{ priority: f.priority, clearedAt: f.clearedAt }]));
    if (!canDischargeCase({ role: actor.role, discipline: actor.discipline ?? null }, open)) {
      throw new DomainError("forbidden", "discharge_serious_flag");
    }
    if (seriousUncleared(open).length && !reason) {
      throw new DomainError("invalid", "discharge_reason", { fields: { reason: "discharge_reason" } });
    }
  }
  await tx
    .update(cases)
    .set({ status: to, updatedAt: sql`now()`, dischargedAt: to === "discharged" ? sql`now()` : null, dischargeReason: to === "discharged" ? reason : null })
    .where(eq(cases.id, caseId));
  await recordAuditEvent(tx, { actor, action: "case.status_changed", patientId: c.patientId, caseId, entityType: "case", entityId: caseId, details: { from: c.status, to, ...context } });
  return { from: c.status, to };
}

/**
 * Makes a practitioner the case's lead. Claiming takes an unassigned case; handing a case over (assign)
 * is for its current lead or an admin — an unassigned case anyone on the team may hand to someone.
 */
export async function assignLead(tx: Tx, caseId: string, practitionerId: string, actor: CurrentUser, onlyIfUnassigned = false, rules: { onlyLeadOrAdmin?: boolean } = {}) {
  const c = await lockCase(tx, caseId);
  if (onlyIfUnassigned && c.leadPractitionerId) throw new DomainError("already_claimed");
  if (rules.onlyLeadOrAdmin && !canAssignLead(actor, c)) {
    throw new DomainError("forbidden", "hand_over");
  }
  const [p] = await tx
    .select({ id: practitioners.id, discipline: practitioners.discipline })
    .from(practitioners)
    .where(and(eq(practitioners.id, practitionerId), eq(practitioners.isActive, true)));
  if (!p) throw new DomainError("invalid", "choose_practitioner", { fields: { practitionerId: "choose_practitioner" } });
  await tx
    .update(cases)
    .set({ leadPractitionerId: p.id, disciplines: c.disciplines.includes(p.discipline) ? c.disciplines : [...c.disciplines, p.discipline], updatedAt: sql`now()` })
    .where(eq(cases.id, caseId));
  await recordAuditEvent(tx, { actor, action: onlyIfUnassigned ? "case.claimed" : "case.assigned", patientId: c.patientId, caseId, entityType: "case", entityId: caseId, details: { practitionerId } });
}

export async function addNote(tx: Tx, caseId: string, body: string, actor: CurrentUser) {
  const c = await lockCase(tx, caseId);
  const [note] = await tx.insert(caseNotes).values({ caseId, body, authorUserId: actor.id, authorDiscipline: actor.discipline }).returning({ id: caseNotes.id });
  await tx
    .update(cases)
    .set({ updatedAt: sql`now()` })
    .where(eq(cases.id, caseId));
  await recordAuditEvent(tx, { actor, action: "case.note_added", patientId: c.patientId, caseId, entityType: "note", entityId: note!.id });
  return note!.id;
}

/** Only the author edits a note; the previous text is kept as a version. */
export async function editNote(tx: Tx, noteId: string, body: string, actor: CurrentUser) {
  const [note] = await tx.select().from(caseNotes).where(eq(caseNotes.id, noteId)).for("update");
  if (!note) throw new DomainError("not_found", "note");
  if (!canEditNote(actor, note)) throw new DomainError("forbidden", "note_author");
  if (note.body === body) return;
  await tx.insert(caseNoteVersions).values({ noteId, version: note.version, body: note.body, editedBy: actor.id });
  await tx
    .update(caseNotes)
    .set({ body, version: note.version + 1, updatedAt: sql`now()` })
    .where(eq(caseNotes.id, noteId));
  const [c] = await tx.select({ patientId: cases.patientId }).from(cases).where(eq(cases.id, note.caseId));
  await recordAuditEvent(tx, { actor, action: "case.note_edited", patientId: c?.patientId, caseId: note.caseId, entityType: "note", entityId: noteId, details: { version: note.version + 1 } });
}

export async function recordPainScore(tx: Tx, caseId: string, score: number, actor: CurrentUser, source = "visit") {
  const c = await lockCase(tx, caseId);
  await tx.insert(painScores).values({ caseId, score, source });
  await recordAuditEvent(tx, { actor, action: "case.pain_recorded", patientId: c.patientId, caseId, entityType: "case", entityId: caseId });
}

export async function recordPsfs(tx: Tx, caseId: string, kind: string, items: Array<{ activity: string; score: number }>, actor: CurrentUser) {
  const c = await lockCase(tx, caseId);
  await tx.insert(psfsAssessments).values({ caseId, kind, items, recordedBy: actor.id });
  await recordAuditEvent(tx, { actor, action: "case.psfs_recorded", patientId: c.patientId, caseId, entityType: "case", entityId: caseId });
}
