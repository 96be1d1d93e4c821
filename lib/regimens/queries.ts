import "server-only";
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { regimens } from "@/db/schema";

export async function casesOfPatientRegimens(db: DbOrTx, patientId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ caseId: regimens.caseId })
    .from(regimens)
    .where(and(eq(regimens.patientId, patientId), eq(regimens.isCurrent, true)));
  return rows.map((r) => r.caseId);
}
