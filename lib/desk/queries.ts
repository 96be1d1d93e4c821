import "server-only";
import { and, asc, eq, gte, inArray, lt } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { appointments, cases, intakes, locations, patients, practitioners, services } from "@/db/schema";
import type { Discipline } from "@/lib/clinic/disciplines";
import { handsOnBlockers } from "@/lib/appointments/transitions";
import { unclearedFlagsOf } from "@/lib/red-flags/flags";
import { assessAge } from "@/lib/triage/age";
import { linkCandidates } from "@/lib/verification/queries";
import { assessTriage, type DurationThresholds } from "@/lib/triage/assess";
import { PRIORITY_RANK, asRedFlagCodes, worstPriority } from "@/lib/triage/red-flags";
import { addDaysIso, localDate, zonedInstant } from "@/lib/time";

/**
 * Requests waiting for the front desk, most urgent first, then longest waiting. Each carries its triage
 * result (priority, duration class, reasons, suggested discipline) and, for emergencies, the fact that
 * the patient was shown the emergency advice.
 */
export async function listDeskRequests(db: DbOrTx, thresholds: DurationThresholds) {
  const rows = await db
    .select({
      id: appointments.id,
      startsAt: appointments.startsAt,
      createdAt: appointments.createdAt,
      proposedStartsAt: appointments.proposedStartsAt,
      caseId: appointments.caseId,
      serviceSlug: services.slug,
      practitionerId: appointments.practitionerId,
      serviceName: services.name,
      discipline: services.discipline,
      needsReview: services.needsReview,
      isHandsOn: services.isHandsOn,
      practitionerName: practitioners.displayName,
      patientId: patients.id,
      patientName: patients.fullName,
      patientPhone: patients.phone,
      patientEmail: patients.email,
      dateOfBirth: patients.dateOfBirth,
      verificationExpiresAt: appointments.verificationExpiresAt,
      guardianName: intakes.guardianName,
      guardianRelationship: intakes.guardianRelationship,
      timeZone: locations.timeZone,
      painStartedOn: intakes.painStartedOn,
      painScore: intakes.painScore,
      redFlags: intakes.redFlags,
      awaitingReview: cases.awaitingReview,
    })
    .from(appointments)
    .innerJoin(services, eq(services.id, appointments.serviceId))
    .innerJoin(practitioners, eq(practitioners.id, appointments.practitionerId))
    .innerJoin(patients, eq(patients.id, appointments.patientId))
    .innerJoin(locations, eq(locations.id, appointments.locationId))
    .leftJoin(intakes, eq(intakes.appointmentId, appointments.id))
    .leftJoin(cases, eq(cases.id, appointments.caseId))
    .where(eq(appointments.status, "requested"))
    .orderBy(asc(appointments.createdAt))
    .limit(500);
  const uncleared = await unclearedFlagsOf(db, rows.map((r) => r.patientId));
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

/** Today's confirmed visits in the clinic's zone, for arrivals, completion and no-shows. */
export async function listTodaysVisits(db: DbOrTx, timeZone: string, now: Date = new Date()) {
  const today = localDate(now, timeZone);
  return db
    .select({
      id: appointments.id,
      startsAt: appointments.startsAt,
      arrivedAt: appointments.arrivedAt,
      status: appointments.status,
      serviceSlug: services.slug,
      practitionerId: appointments.practitionerId,
      serviceName: services.name,
      practitionerName: practitioners.displayName,
      patientId: patients.id,
      patientName: patients.fullName,
    })
    .from(appointments)
    .innerJoin(services, eq(services.id, appointments.serviceId))
    .innerJoin(practitioners, eq(practitioners.id, appointments.practitionerId))
    .innerJoin(patients, eq(patients.id, appointments.patientId))
    .where(
      and(
        inArray(appointments.status, ["confirmed", "completed", "no_show"]),
        gte(appointments.startsAt, zonedInstant(today, "00:00", timeZone)),
        lt(appointments.startsAt, zonedInstant(addDaysIso(today, 1), "00:00", timeZone)),
      ),
    )
    .orderBy(asc(appointments.startsAt));
}

/** All practitioners' appointments in [from, to) for the calendar, with optional discipline and location filters. */
export async function listCalendar(db: DbOrTx, input: { from: Date; to: Date; discipline?: Discipline; locationId?: string }) {
  const where = [gte(appointments.startsAt, input.from), lt(appointments.startsAt, input.to), inArray(appointments.status, ["requested", "confirmed", "completed", "no_show"])];
  if (input.discipline) where.push(eq(practitioners.discipline, input.discipline));
  if (input.locationId) where.push(eq(appointments.locationId, input.locationId));
  return db
    .select({
      id: appointments.id,
      startsAt: appointments.startsAt,
      endsAt: appointments.endsAt,
      status: appointments.status,
      practitionerId: practitioners.id,
      practitionerName: practitioners.displayName,
      discipline: practitioners.discipline,
      serviceName: services.name,
      patientId: patients.id,
      patientName: patients.fullName,
    })
    .from(appointments)
    .innerJoin(services, eq(services.id, appointments.serviceId))
    .innerJoin(practitioners, eq(practitioners.id, appointments.practitionerId))
    .innerJoin(patients, eq(patients.id, appointments.patientId))
    .where(and(...where))
    .orderBy(asc(practitioners.displayName), asc(appointments.startsAt));
}
