import "server-only";
import { appointmentRows } from "./joined";
import { and, asc, desc, eq, gte, lt, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { appointments } from "@/db/schema";

function listAppointments(db: DbOrTx, where: SQL | undefined, order: "asc" | "desc", limit: number) {
  return appointmentRows(db)
    .where(where)
    .orderBy(order === "asc" ? asc(appointments.startsAt) : desc(appointments.startsAt))
    .limit(limit);
}

export type AppointmentListItem = Awaited<ReturnType<typeof listAppointments>>[number];

/** A patient's own appointments; ownership is in the WHERE. */
export async function listPatientAppointments(db: DbOrTx, patientId: string, now: Date = new Date()) {
  const [upcoming, past] = await Promise.all([
    listAppointments(db, and(eq(appointments.patientId, patientId), gte(appointments.endsAt, now)), "asc", 50),
    listAppointments(db, and(eq(appointments.patientId, patientId), lt(appointments.endsAt, now)), "desc", 50),
  ]);
  return { upcoming, past };
}
