import "server-only";
import { headers } from "next/headers";
import type { DbOrTx } from "@/db/client";
import { eq } from "drizzle-orm";
import { auditEvents, cases } from "@/db/schema";
import { clientIp, ipOrNull } from "@/lib/http/ip";
import type { Role } from "@/lib/auth/roles";

export interface AuditInput {
  actor: { id: string; role: Role } | null;
  /** dotted verb, e.g. "case.viewed", "service.updated", "account.disabled" */
  action: string;
  patientId?: string | null;
  caseId?: string | null;
  entityType?: string;
  entityId?: string;
  /** Ids and field names only — never what a patient typed. */
  details?: Record<string, unknown>;
}

/** The request id and client address of the current request, when there is one. */
async function requestContext(): Promise<{ requestId: string | null; ip: string | null }> {
  try {
    const h = await headers();
    return { requestId: h.get("x-request-id"), ip: ipOrNull(clientIp(h)) };
  } catch {
    return { requestId: null, ip: null }; // outside a request (seed, jobs, tests)
  }
}

/** Appends one audit event; call it inside the transaction that does the change. */
export async function recordAuditEvent(db: DbOrTx, input: AuditInput): Promise<void> {
  const ctx = await requestContext();
  // An event about a case is about its patient: it belongs in their "who looked at my record".
  let patientId = input.patientId ?? null;
  if (!patientId && input.caseId) {
    const [c] = await db.select({ patientId: cases.patientId }).from(cases).where(eq(cases.id, input.caseId));
    patientId = c?.patientId ?? null;
  }
  await db.insert(auditEvents).values({
    actorUserId: input.actor?.id ?? null,
    actorRole: input.actor?.role ?? null,
    action: input.action,
    patientId,
    caseId: input.caseId ?? null,
    entityType: input.entityType ?? null,
    entityId: input.entityId ?? null,
    requestId: ctx.requestId,
    ip: ctx.ip,
    details: input.details ?? {},
  });
}

/**
 * A list or search page read patients' data: one event per page view, naming every patient shown
 * (details.patientIds). The patient's "who looked at my record" finds it there too.
 */
export async function recordListRead(db: DbOrTx, input: { actor: AuditInput["actor"]; view: string; patientIds: readonly string[] }): Promise<void> {
  const patientIds = [...new Set(input.patientIds)];
  await recordAuditEvent(db, {
    actor: input.actor,
    action: "patients.listed",
    patientId: patientIds.length === 1 ? patientIds[0] : null,
    entityType: "view",
    entityId: input.view,
    details: { view: input.view, patientIds },
  });
}
