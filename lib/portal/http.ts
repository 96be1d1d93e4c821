import "server-only";
import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { requireApiRole } from "@/lib/auth";
import { DomainError } from "@/lib/errors";
import { readJsonBody } from "@/lib/http/body";
import { casesOfPatientRegimens } from "@/lib/regimens/queries";
import { raiseCheckIns, recordPlanLogs } from "@/lib/regimens/regimens";
import { PlanLogSchema } from "@/lib/regimens/schemas";
import { localDate } from "@/lib/time";
import { patientTimeZone } from "@/lib/patients/zone";

/**
 * POST /api/portal/plan-logs: the patient's phone sends what was done today (and retries whatever did not
 * get through). Idempotent per entry id, so a retry never doubles a log.
 */
export async function postPlanLogs(req: Request): Promise<Response> {
  const user = await requireApiRole("patient");
  if (!user.patientId) throw new DomainError("forbidden", "no_patient_record");
  const input = PlanLogSchema.parse(await readJsonBody(req));
  const db = getDb();
  const today = localDate(new Date(), await patientTimeZone(db, user.patientId));
  const result = await recordPlanLogs(db, user.patientId, input, today);
  for (const caseId of await casesOfPatientRegimens(db, user.patientId)) await raiseCheckIns(db, caseId);
  return NextResponse.json({ ok: true, stored: result.stored });
}
