import "server-only";
import { and, asc, desc, eq, gte, lt, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { appointments, intakes, locations, patients, practitioners, services } from "@/db/schema";

const listColumns = {
  id: appointments.id,
  startsAt: appointments.startsAt,
  endsAt: appointments.endsAt,
  status: appointments.status,
  serviceName: services.name,
  practitionerName: practitioners.displayName,
  practitionerId: appointments.practitionerId,
  discipline: practitioners.discipline,
  timeZone: locations.timeZone,
  locationName: locations.name,
  patientId: appointments.patientId,
  patientName: patients.fullName,
  priority: intakes.priority,
};

function listAppointments(db: DbOrTx, where: SQL | undefined, order: "asc" | "desc", limit: number) {
  return db
    .select(listColumns)
    .from(appointments)
    .innerJoin(services, eq(services.id, appointments.serviceId))
    .innerJoin(practitioners, eq(practitioners.id, appointments.practitionerId))
    .innerJoin(locations, eq(locations.id, appointments.locationId))
    .innerJoin(patients, eq(patients.id, appointments.patientId))
    .leftJoin(intakes, eq(intakes.appointmentId, appointments.id))
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
