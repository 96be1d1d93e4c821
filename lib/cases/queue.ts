import "server-only";
import { and, asc, desc, eq, gt, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { actionItems, cases, patients, practitioners } from "@/db/schema";
import { PRIORITY_RANK } from "@/lib/triage/red-flags";
import type { QueueFilters } from "./schemas";
import { CASE_STATUSES, type CaseStatus } from "./status";

export const PAGE_SIZE = 25;

interface Cursor {
  r: number; // priority rank
  t: string; // opened at (ISO)
  i: string; // id
}
const encode = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString("base64url");
function decode(raw: string | undefined): Cursor | null {
  if (!raw) return null;
  try {
    const c = JSON.parse(Buffer.from(raw, "base64url").toString()) as Cursor;
    return typeof c.r === "number" && typeof c.t === "string" && /^[0-9a-f-]{36}$/.test(c.i) && !Number.isNaN(Date.parse(c.t)) ? c : null;
  } catch {
    return null;
  }
}

/** Filters other than status (the per-status counts use these). */
function baseWhere(f: QueueFilters, me: { practitionerId: string | null }): SQL[] {
  const where: SQL[] = [];
  if (f.priority) where.push(eq(cases.priorityRank, PRIORITY_RANK[f.priority]));
  if (f.discipline) where.push(sql`${f.discipline}::discipline = any(${cases.disciplines})`);
  if (f.owner === "mine") where.push(me.practitionerId ? eq(cases.leadPractitionerId, me.practitionerId) : sql`false`);
  if (f.owner === "unassigned") where.push(isNull(cases.leadPractitionerId));
  if (f.redFlags === "yes") where.push(eq(cases.hasRedFlags, true));
  if (f.q) where.push(sql`${cases.searchText} like ${`%${f.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
  return where;
}

/**
 * One page of the shared case queue, keyset-paginated on (priority, opened at, id) — or on opened at for
 * the date sorts — so page 200 costs what page 1 costs. Discharged cases only show when asked for.
 */
export async function listCaseQueue(db: DbOrTx, f: QueueFilters, me: { practitionerId: string | null }) {
  const where = baseWhere(f, me);
  where.push(f.status ? eq(cases.status, f.status) : sql`${cases.status} <> 'discharged'`);
  const cursor = decode(f.after);
  if (cursor) {
    const t = new Date(cursor.t);
    if (f.sort === "priority") {
      where.push(or(gt(cases.priorityRank, cursor.r), and(eq(cases.priorityRank, cursor.r), or(gt(cases.openedAt, t), and(eq(cases.openedAt, t), gt(cases.id, cursor.i)))))!);
    } else if (f.sort === "oldest") {
      where.push(or(gt(cases.openedAt, t), and(eq(cases.openedAt, t), gt(cases.id, cursor.i)))!);
    } else {
      where.push(or(lt(cases.openedAt, t), and(eq(cases.openedAt, t), lt(cases.id, cursor.i)))!);
    }
  }
  const order =
    f.sort === "priority" ? [asc(cases.priorityRank), asc(cases.openedAt), asc(cases.id)] : f.sort === "oldest" ? [asc(cases.openedAt), asc(cases.id)] : [desc(cases.openedAt), desc(cases.id)];
  const rows = await db
    .select({
      id: cases.id,
      status: cases.status,
      priority: cases.priority,
      priorityRank: cases.priorityRank,
      durationClass: cases.durationClass,
      disciplines: cases.disciplines,
      hasRedFlags: cases.hasRedFlags,
      // Cleared when none of the patient's flags is uncleared (clearance is per flag, per patient).
      redFlagsCleared: sql<boolean>`not exists (select 1 from patient_red_flags f where f.patient_id = ${cases.patientId} and f.cleared_at is null)`,
      awaitingReview: cases.awaitingReview,
      openedAt: cases.openedAt,
      patientId: cases.patientId,
      patientName: patients.fullName,
      leadPractitionerId: cases.leadPractitionerId,
      leadName: practitioners.displayName,
    })
    .from(cases)
    .innerJoin(patients, eq(patients.id, cases.patientId))
    .leftJoin(practitioners, eq(practitioners.id, cases.leadPractitionerId))
    .where(and(...where))
    .orderBy(...order)
    .limit(PAGE_SIZE + 1);
  const page = rows.slice(0, PAGE_SIZE);
  const last = page[page.length - 1];
  return {
    rows: page,
    next: rows.length > PAGE_SIZE && last ? encode({ r: last.priorityRank, t: last.openedAt.toISOString(), i: last.id }) : null,
  };
}

/** Cases per status under the same filters (status aside). */
export async function countCasesByStatus(db: DbOrTx, f: QueueFilters, me: { practitionerId: string | null }): Promise<Record<CaseStatus, number>> {
  const rows = await db
    .select({ status: cases.status, n: sql<number>`count(*)::int` })
    .from(cases)
    .where(and(...baseWhere(f, me)))
    .groupBy(cases.status);
  const counts = Object.fromEntries(CASE_STATUSES.map((s) => [s, 0])) as Record<CaseStatus, number>;
  for (const r of rows) counts[r.status] = Number(r.n);
  return counts;
}

/** Open action items of one practitioner, most overdue first. */
export async function listMyActions(db: DbOrTx, practitionerId: string) {
  return db
    .select({
      id: actionItems.id,
      caseId: actionItems.caseId,
      description: actionItems.description,
      dueOn: actionItems.dueOn,
      patientId: patients.id,
      patientName: patients.fullName,
    })
    .from(actionItems)
    .innerJoin(cases, eq(cases.id, actionItems.caseId))
    .innerJoin(patients, eq(patients.id, cases.patientId))
    .where(and(eq(actionItems.ownerPractitionerId, practitionerId), isNull(actionItems.completedAt)))
    .orderBy(asc(actionItems.dueOn));
}
