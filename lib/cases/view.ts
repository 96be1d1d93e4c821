import "server-only";
import type { Db } from "@/db/client";
import type { CurrentUser } from "@/lib/auth";
import { recordAuditEvent } from "@/lib/audit";
import { getCaseRecord } from "./record";
import { getClinicSettings } from "./settings";

/** Opens a case for a viewer and writes exactly one audit event for that read. */
export async function viewCase(db: Db, caseId: string, viewer: CurrentUser) {
  const record = await getCaseRecord(db, caseId, viewer, await getClinicSettings(db));
  if (!record) return null;
  await recordAuditEvent(db, {
    actor: viewer,
    action: "case.viewed",
    patientId: record.case.patientId,
    caseId,
    entityType: "case",
    entityId: caseId,
    details: { view: record.restricted ? "precaution_card" : "full" },
  });
  return record;
}
