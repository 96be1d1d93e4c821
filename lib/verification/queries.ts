import "server-only";
import { and, eq, ne, or, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { emailChallenges, patients } from "@/db/schema";

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
