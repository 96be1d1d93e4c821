import "server-only";
import { and, desc, eq, ne, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { appointments, cases, painScores } from "@/db/schema";
import type { Discipline } from "@/lib/clinic/disciplines";
import { PRIORITY_RANK } from "@/lib/triage/red-flags";
import type { TriageResult } from "@/lib/triage/assess";

/**
 * A request belongs to the patient's open case (one episode of care); the first request opens it.
 * Joining a case can only raise its priority, adds red flags and disciplines, and records the pain score.
 */
export async function attachRequestToCase(
  tx: Tx,
  input: { patientId: string; appointmentId: string; triage: TriageResult; painScore: number; painStartedOn: string; discipline: Discipline; searchText: string },
): Promise<string> {
  const { triage } = input;
  const [open] = await tx
    .select()
    .from(cases)
    .where(and(eq(cases.patientId, input.patientId), ne(cases.status, "discharged")))
    .orderBy(desc(cases.openedAt))
    .limit(1)
    .for("update");
  let caseId: string;
  if (!open) {
    const [created] = await tx
      .insert(cases)
      .values({
        patientId: input.patientId,
        priority: triage.priority,
        durationClass: triage.durationClass,
        painStartedOn: input.painStartedOn,
        disciplines: [input.discipline],
        suggestedDiscipline: triage.suggestedDiscipline,
        redFlags: triage.redFlags,
        awaitingReview: triage.redFlags.length > 0,
        triageReasons: triage.reasons,
        searchText: input.searchText.toLowerCase(),
      })
      .returning({ id: cases.id });
    caseId = created!.id;
  } else {
    caseId = open.id;
    const moreUrgent = PRIORITY_RANK[triage.priority] < open.priorityRank;
    const newFlags = triage.redFlags.filter((f) => !open.redFlags.includes(f));
    await tx
      .update(cases)
      .set({
        ...(moreUrgent ? { priority: triage.priority, triageReasons: triage.reasons } : {}),
        disciplines: open.disciplines.includes(input.discipline) ? open.disciplines : [...open.disciplines, input.discipline],
        ...(newFlags.length ? { redFlags: [...open.redFlags, ...newFlags], awaitingReview: true, redFlagsClearedAt: null, redFlagsClearedBy: null } : {}),
        updatedAt: sql`now()`,
      })
      .where(eq(cases.id, open.id));
  }
  await tx.update(appointments).set({ caseId }).where(eq(appointments.id, input.appointmentId));
  await tx.insert(painScores).values({ caseId, score: input.painScore, source: "intake" });
  return caseId;
}
