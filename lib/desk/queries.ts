import "server-only";
import { and, asc, eq, gte, inArray, lt } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { appointments } from "@/db/schema";
import type { Discipline } from "@/lib/clinic/disciplines";
import { appointmentRows } from "@/lib/appointments/joined";
import { handsOnBlockers } from "@/lib/appointments/transitions";
import { unclearedFlagsOf } from "@/lib/red-flags/flags";
import { assessAge } from "@/lib/triage/age";
import { linkCandidates } from "@/lib/verification/queries";
import { assessTriage, type DurationThresholds } from "@/lib/triage/assess";
import { PRIORITY_RANK, asRedFlagCodes, worstPriority } from "@/lib/triage/red-flags";
import { localDate } from "@/lib/time";

/**
 * Requests waiting for the front desk, most urgent first, then longest waiting. Each carries its triage
 * result (priority, duration class, reasons, suggested discipline) and, for emergencies, the fact that
 * the patient was shown the emergency advice.
 */
export async function listDeskRequests(db: DbOrTx, thresholds: DurationThresholds) {
  const rows = (await appointmentRows(db).where(eq(appointments.status, "requested")).orderBy(asc(appointments.createdAt)).limit(500)).map((r) => ({ ...r, awaitingReview: r.caseAwaitingReview }));
  const uncleared = await unclearedFlagsOf(
    db,
    rows.map((r) => r.patientId),
  );
  // Unverified online requests: the records the desk may link one to, once the caller is checked by phone.
  const candidates = new Map(
    await Promise.all(
      rows
        .filter((r) => r.verificationExpiresAt !== null)
        .map(async (r) => [r.id, await linkCandidates(db, { id: r.patientId, email: r.patientEmail, fullName: r.patientName, dateOfBirth: r.dateOfBirth })] as const),
    ),
  );
  return rows
    .map((r) => {
      const redFlags = asRedFlagCodes(r.redFlags ?? []);
      const requestedOn = localDate(r.createdAt, r.timeZone);
      const triage = assessTriage({
        redFlags,
        painStartedOn: r.painStartedOn ?? requestedOn,
        requestedOn,
        service: { discipline: r.discipline as Discipline, needsReview: r.needsReview },
        thresholds,
      });
      // What holds a hands-on request: every uncleared flag of the patient, this request's and earlier ones.
      const blockers = handsOnBlockers({ isHandsOn: r.isHandsOn, blockers: uncleared.get(r.patientId) ?? [] });
      const priority = blockers.reduce((worst, b) => worstPriority(worst, b.priority), triage.priority);
      return {
        ...r,
        triage,
        priority,
        blockers,
        unclearedFlags: uncleared.get(r.patientId) ?? [],
        age: assessAge(r.dateOfBirth, requestedOn, redFlags),
        awaitingVerification: r.verificationExpiresAt !== null,
        linkCandidates: candidates.get(r.id) ?? [],
      };
    })
    .sort((a, b) => PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority] || a.createdAt.getTime() - b.createdAt.getTime());
}

/**
 * Today's confirmed visits at every location, for arrivals, completion and no-shows — "today" and the
 * times in each visit's own location's zone.
 */
export async function listTodaysVisits(db: DbOrTx, now: Date = new Date()) {
  const day = 24 * 60 * 60 * 1000;
  const rows = await appointmentRows(db)
    .where(
      and(inArray(appointments.status, ["confirmed", "completed", "no_show"]), gte(appointments.startsAt, new Date(now.getTime() - day)), lt(appointments.startsAt, new Date(now.getTime() + day))),
    )
    .orderBy(asc(appointments.startsAt));
  return rows.filter((r) => localDate(r.startsAt, r.timeZone) === localDate(now, r.timeZone));
}
