import "server-only";
import { appointmentRows } from "@/lib/appointments/joined";
import { and, asc, desc, eq, gte, ilike, or, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { appointments, cases, patients } from "@/db/schema";

/** Patient search for the front desk: by name or email (contains) or date of birth (exact). */
export async function searchPatients(db: DbOrTx, q: string, limit = 25) {
  const term = q.trim();
  if (!term) return [];
  const like = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const isDate = /^\d{4}-\d{2}-\d{2}$/.test(term);
  return (
    db
      .select({ id: patients.id, fullName: patients.fullName, email: patients.email, phone: patients.phone, dateOfBirth: patients.dateOfBirth })
      .from(patients)
      // Provisional records (unverified online requests) are nobody's yet: they are found on /desk, not here.
      .where(and(eq(patients.isProvisional, false), isDate ? eq(patients.dateOfBirth, term) : or(ilike(patients.fullName, like), ilike(patients.email, like))))
      .orderBy(asc(patients.fullName))
      .limit(limit)
  );
}

/**
 * The front desk's view of one patient: contact, appointments and cases (no clinical notes), and the late
 * cancellations and no-shows of the last 12 months (for a later fee policy).
 */
export async function getPatientForDesk(db: DbOrTx, patientId: string, now: Date = new Date()) {
  const [patient] = await db.select().from(patients).where(eq(patients.id, patientId));
  if (!patient) return null;
  // Late cancellations count by the visit's date (a late one is always about a visit that was close).
  const yearAgo = new Date(now.getTime() - 365 * 86_400_000);
  const [visits, episodes, [counts]] = await Promise.all([
    appointmentRows(db).where(eq(appointments.patientId, patientId)).orderBy(desc(appointments.startsAt)).limit(100),
    db.select({ id: cases.id, status: cases.status, priority: cases.priority, openedAt: cases.openedAt }).from(cases).where(eq(cases.patientId, patientId)).orderBy(desc(cases.openedAt)),
    db
      .select({
        lateCancellations: sql<number>`count(*) filter (where ${appointments.status} = 'cancelled' and ${appointments.cancelledLate})`.mapWith(Number),
        noShows: sql<number>`count(*) filter (where ${appointments.status} = 'no_show')`.mapWith(Number),
      })
      .from(appointments)
      .where(and(eq(appointments.patientId, patientId), gte(appointments.startsAt, yearAgo))),
  ]);
  return { patient, visits, cases: episodes, counts: { lateCancellations: counts?.lateCancellations ?? 0, noShows: counts?.noShows ?? 0 } };
}
