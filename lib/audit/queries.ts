import "server-only";
import { and, desc, eq, gte, like, lt, ne, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { auditEvents, patients, users } from "@/db/schema";

export const AuditFiltersSchema = z.object({
  actor: z.string().trim().max(254).optional().catch(undefined),
  action: z
    .string()
    .trim()
    .max(80)
    .regex(/^[a-z_.]*$/)
    .optional()
    .catch(undefined),
  patient: z.string().trim().max(120).optional().catch(undefined),
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
  before: z.string().regex(/^\d+$/).optional().catch(undefined),
  /** One request's events (the x-request-id a page answered with). */
  request: z
    .string()
    .trim()
    .max(128)
    .regex(/^[\w.:-]+$/)
    .optional()
    .catch(undefined),
});
export type AuditFilters = z.infer<typeof AuditFiltersSchema>;

export const AUDIT_PAGE = 50;

/** The audit trail, newest first, keyset-paginated on id (ids grow with time). */
export async function listAuditEvents(db: DbOrTx, f: AuditFilters) {
  const where: SQL[] = [];
  if (f.actor) where.push(like(sql`lower(${users.email})`, `%${f.actor.toLowerCase()}%`));
  if (f.action) where.push(like(auditEvents.action, `${f.action}%`));
  if (f.patient) where.push(like(sql`lower(${patients.fullName})`, `%${f.patient.toLowerCase()}%`));
  if (f.from) where.push(gte(auditEvents.at, sql`${f.from}::date`));
  if (f.to) where.push(lt(auditEvents.at, sql`${f.to}::date + 1`));
  if (f.before) where.push(lt(auditEvents.id, Number(f.before)));
  if (f.request) where.push(eq(auditEvents.requestId, f.request));
  const rows = await db
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      action: auditEvents.action,
      actorRole: auditEvents.actorRole,
      actorName: users.name,
      actorEmail: users.email,
      patientName: patients.fullName,
      patientId: auditEvents.patientId,
      caseId: auditEvents.caseId,
      entityType: auditEvents.entityType,
      entityId: auditEvents.entityId,
      requestId: auditEvents.requestId,
      ip: auditEvents.ip,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .leftJoin(patients, eq(patients.id, auditEvents.patientId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(auditEvents.id))
    .limit(AUDIT_PAGE + 1);
  return { rows: rows.slice(0, AUDIT_PAGE), nextBefore: rows.length > AUDIT_PAGE ? String(rows[AUDIT_PAGE - 1]!.id) : null };
}

/** For the patient's portal: who on the clinic's side looked at or changed their record, newest first. */
export async function listAccessToPatient(db: DbOrTx, patientId: string, selfUserId: string, limit = 200) {
  return db
    .select({ id: auditEvents.id, at: auditEvents.at, action: auditEvents.action, actorRole: auditEvents.actorRole, actorName: users.name })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .where(
      and(
        // Their own record, or a list or search page that showed them.
        or(eq(auditEvents.patientId, patientId), sql`${auditEvents.details} -> 'patientIds' ? ${patientId}`),
        or(ne(auditEvents.actorUserId, selfUserId), sql`${auditEvents.actorUserId} is null`),
      ),
    )
    .orderBy(desc(auditEvents.id))
    .limit(limit);
}

/** Plain words for audit actions shown to patients (the one catalog: lib/audit/actions.ts). */
export { auditActionForPatient as describeAction } from "./actions";
