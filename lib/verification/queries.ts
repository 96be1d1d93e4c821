import "server-only";
import { and, eq, isNotNull, ne, or, sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { appointments, emailChallenges, locations, patients } from "@/db/schema";
import { challengeOfLinkToken } from "./challenges";

export async function appointmentForChallenge(db: DbOrTx, challengeId: string): Promise<string | null> {
  const [row] = await db.select({ appointmentId: emailChallenges.appointmentId }).from(emailChallenges).where(eq(emailChallenges.id, challengeId));
  return row?.appointmentId ?? null;
}

/**
 * Patients the desk may link an unverified request to: the same email, or the same date of birth and
 * name. Only shown to the desk after they have checked the caller on the phone.
 */
export async function linkCandidates(db: DbOrTx, provisional: { id: string; email: string; fullName: string; dateOfBirth: string | null }) {
  return db
    .select({ id: patients.id, fullName: patients.fullName, email: patients.email, dateOfBirth: patients.dateOfBirth, phone: patients.phone })
    .from(patients)
    .where(
      and(
        eq(patients.isProvisional, false),
        ne(patients.id, provisional.id),
        or(
          eq(sql`lower(${patients.email})`, provisional.email.toLowerCase()),
          provisional.dateOfBirth ? and(eq(patients.dateOfBirth, provisional.dateOfBirth), sql`lower(${patients.fullName}) = lower(${provisional.fullName})`) : sql`false`,
        ),
      ),
    )
    .limit(10);
}

/** The request behind a verification link, while it still waits for verification; null for a forged or spent link. */
export async function pendingRequestOfLink(token: string, db: DbOrTx = getDb()): Promise<{ appointmentId: string } | null> {
  const challengeId = challengeOfLinkToken(token);
  if (!challengeId) return null;
  const [row] = await db
    .select({ appointmentId: appointments.id })
    .from(emailChallenges)
    .innerJoin(appointments, eq(appointments.id, emailChallenges.appointmentId))
    .where(and(eq(emailChallenges.id, challengeId), eq(appointments.status, "requested"), isNotNull(appointments.verificationExpiresAt)));
  return row ?? null;
}

/**
 * The other way round: unverified online requests that may be this patient's (the same email, or the same
 * date of birth and name) — what linkCandidates would offer this patient for. The desk links one with
 * verifyByDeskAction once they have checked the caller on the phone.
 */
export async function pendingRequestsFor(db: DbOrTx, patient: { id: string; email: string; fullName: string; dateOfBirth: string | null }) {
  return db
    .select({
      appointmentId: appointments.id,
      startsAt: appointments.startsAt,
      createdAt: appointments.createdAt,
      provisionalId: patients.id,
      fullName: patients.fullName,
      email: patients.email,
      dateOfBirth: patients.dateOfBirth,
      phone: patients.phone,
      timeZone: locations.timeZone,
    })
    .from(appointments)
    .innerJoin(patients, eq(patients.id, appointments.patientId))
    .innerJoin(locations, eq(locations.id, appointments.locationId))
    .where(
      and(
        eq(appointments.status, "requested"),
        isNotNull(appointments.verificationExpiresAt),
        eq(patients.isProvisional, true),
        ne(patients.id, patient.id),
        or(
          eq(sql`lower(${patients.email})`, patient.email.toLowerCase()),
          patient.dateOfBirth ? and(eq(patients.dateOfBirth, patient.dateOfBirth), sql`lower(${patients.fullName}) = lower(${patient.fullName})`) : sql`false`,
        ),
      ),
    )
    .limit(10);
}
