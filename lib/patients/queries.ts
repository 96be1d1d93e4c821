import "server-only";
import { appointmentRows } from "@/lib/appointments/joined";
import { and, asc, desc, eq, ilike, or } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { appointments, cases, patients } from "@/db/schema";

/** Patient search for the front desk: by name or email (contains) or date of birth (exact). */
export async function searchPatients(db: DbOrTx, q: string, limit = 25) {
  const term = q.trim();
  if (!term) return [];
  const like = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const isDate = /^\d{4}-\d{2}-\d{2}$/.test(term);
  return db
    .select({ id: patients.id, fullName: patients.fullName, email: patients.email, phone: patients.phone, dateOfBirth: patients.dateOfBirth })
    .from(patients)
    // Provisional records (unverified online requests) are nobody's yet: they are found on /desk, not here.
    .where(and(eq(patients.isProvisional, false), isDate ? eq(patients.dateOfBirth, term) : or(ilike(patients.fullName, like), ilike(patients.email, like))))
    .orderBy(asc(patients.fullName))
    .limit(limit);
}

/** The front desk's view of one patient: contact, appointments and cases (no clinical notes). */
export async function getPatientForDesk(db: DbOrTx, patientId: string) {
  const [patient] = await db.select().from(patients).where(eq(patients.id, patientId));
  if (!patient) return null;
  const [visits, episodes] = await Promise.all([
    appointmentRows(db)
      .where(eq(appointments.patientId, patientId))
      .orderBy(desc(appointments.startsAt))
      .limit(100),
    db.select({ id: cases.id, status: cases.status, priority: cases.priority, openedAt: cases.openedAt }).from(cases).where(eq(cases.patientId, patientId)).orderBy(desc(cases.openedAt)),
  ]);
  return { patient, visits, cases: episodes };
}
