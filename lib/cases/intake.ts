import "server-only";
import { and, desc, eq, ne, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { appointments, cases, painScores } from "@/db/schema";
import type { Discipline } from "@/lib/clinic/disciplines";
import type { TriageResult } from "@/lib/triage/assess";
import { reportRedFlags, unclearedFlagsOf } from "@/lib/red-flags/flags";
import { PRIORITY_RANK, worstPriority, type Priority, type RedFlagCode } from "@/lib/triage/red-flags";

/**
 * A request joins the patient's record: it belongs to their open case (one episode of care; the first
 * request opens it), its red flags become the patient's flags (a cleared one reported again is uncleared
 * again, and the case goes back to the clinicians for review), and its pain score joins the trend.
 * Joining a case can only raise its priority and adds disciplines.
 */
export async function attachRequestToCase(
  tx: Tx,
  input: { patientId: string; appointmentId: string; triage: TriageResult; painScore: number; painStartedOn: string; discipline: Discipline; searchText: string },
): Promise<{ caseId: string; newlyUncleared: RedFlagCode[] }> {
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
    // A new episode starts with the patient's flags still uncleared from an earlier one: history does
    // not disappear with a new case.
    const carried = (await unclearedFlagsOf(tx, [input.patientId])).get(input.patientId) ?? [];
    const redFlags = [...new Set([...triage.redFlags, ...carried.map((f) => f.code)])];
    const priority = carried.reduce<Priority>((worst, f) => worstPriority(worst, f.priority), triage.priority);
    const [created] = await tx
      .insert(cases)
      .values({
        patientId: input.patientId,
        priority,
        durationClass: triage.durationClass,
        painStartedOn: input.painStartedOn,
        disciplines: [input.discipline],
        suggestedDiscipline: triage.suggestedDiscipline,
        redFlags,
        awaitingReview: redFlags.length > 0,
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
        ...(newFlags.length ? { redFlags: [...open.redFlags, ...newFlags] } : {}),
        updatedAt: sql`now()`,
      })
      .where(eq(cases.id, open.id));
  }
  await tx.update(appointments).set({ caseId }).where(eq(appointments.id, input.appointmentId));
  await tx.insert(painScores).values({ caseId, score: input.painScore, source: "intake" });
  const newlyUncleared = await reportRedFlags(tx, { patientId: input.patientId, codes: triage.redFlags, appointmentId: input.appointmentId, caseId });
  if (newlyUncleared.length && open) await tx.update(cases).set({ awaitingReview: true }).where(eq(cases.id, caseId));
  return { caseId, newlyUncleared };
}
