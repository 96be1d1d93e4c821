import "server-only";
import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { appointments, intakes, locations, patients, practitioners, services } from "@/db/schema";

/**
 * The one join every list of appointments starts from: each appointment with its service, practitioner,
 * patient, location (whose zone its times are shown in) and intake (when there is one). Callers add
 * where / order / limit / lock and use the fields they need:
 *
 *   await appointmentRows(db).where(eq(appointments.patientId, id)).orderBy(desc(appointments.startsAt))
 */
export const APPOINTMENT_ROW = {
  id: appointments.id,
  status: appointments.status,
  statusReason: appointments.statusReason,
  cancelledBy: appointments.cancelledBy,
  cancelReason: appointments.cancelReason,
  cancelledLate: appointments.cancelledLate,
  startsAt: appointments.startsAt,
  endsAt: appointments.endsAt,
  createdAt: appointments.createdAt,
  updatedAt: appointments.updatedAt,
  arrivedAt: appointments.arrivedAt,
  proposedStartsAt: appointments.proposedStartsAt,
  verificationExpiresAt: appointments.verificationExpiresAt,
  caseId: appointments.caseId,
  seriesId: appointments.seriesId,
  caseAwaitingReview: sql<boolean | null>`(select c.awaiting_review from cases c where c.id = ${appointments.caseId})`,
  patientId: patients.id,
  patientName: patients.fullName,
  patientEmail: patients.email,
  patientPhone: patients.phone,
  dateOfBirth: patients.dateOfBirth,
  practitionerId: practitioners.id,
  practitionerName: practitioners.displayName,
  practitionerDiscipline: practitioners.discipline,
  serviceId: services.id,
  serviceSlug: services.slug,
  serviceName: services.name,
  discipline: services.discipline,
  needsReview: services.needsReview,
  isHandsOn: services.isHandsOn,
  cancellationCutoffHours: services.cancellationCutoffHours,
  locationId: locations.id,
  locationName: locations.name,
  locationAddress: locations.address,
  locationPhone: locations.phone,
  timeZone: locations.timeZone,
  roomId: appointments.roomId,
  roomName: sql<string | null>`(select r.name from rooms r where r.id = ${appointments.roomId})`,
  priority: intakes.priority,
  redFlags: intakes.redFlags,
  painStartedOn: intakes.painStartedOn,
  painScore: intakes.painScore,
  worseWith: intakes.worseWith,
  notes: intakes.notes,
  notesEnteredBy: intakes.enteredBy,
  guardianName: intakes.guardianName,
  guardianRelationship: intakes.guardianRelationship,
};

export function appointmentRows(db: DbOrTx) {
  return db
    .select(APPOINTMENT_ROW)
    .from(appointments)
    .innerJoin(services, eq(services.id, appointments.serviceId))
    .innerJoin(practitioners, eq(practitioners.id, appointments.practitionerId))
    .innerJoin(patients, eq(patients.id, appointments.patientId))
    .innerJoin(locations, eq(locations.id, appointments.locationId))
    .leftJoin(intakes, eq(intakes.appointmentId, appointments.id))
    .$dynamic();
}

export type AppointmentRow = Awaited<ReturnType<typeof appointmentRows>>[number];
