import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { requireApiRole } from "@/lib/auth";
import { apiRoute } from "@/lib/http/api";
import { readJsonBody } from "@/lib/http/body";
import { DomainError } from "@/lib/errors";
import { PlanLogSchema } from "@/lib/regimens/schemas";
import { raiseCheckIns, recordPlanLogs } from "@/lib/regimens/regimens";
import { casesOfPatientRegimens } from "@/lib/regimens/queries";
import { localDate } from "@/lib/time";

export const dynamic = "force-dynamic";

/**
 * The patient's phone sends what was done today (and retries whatever did not get through). Idempotent
 * per entry id, so a retry never doubles a log.
 */
export const POST = apiRoute(async (req) => {
  const user = await requireApiRole("patient");
  if (!user.patientId) throw new DomainError("forbidden", "no_patient_record");
  const input = PlanLogSchema.parse(await readJsonBody(req));
  const db = getDb();
  const today = localDate(new Date(), "America/New_York");
  const result = await recordPlanLogs(db, user.patientId, input, today);
  for (const caseId of await casesOfPatientRegimens(db, user.patientId)) await raiseCheckIns(db, caseId, today);
  return NextResponse.json({ ok: true, stored: result.stored });
});
