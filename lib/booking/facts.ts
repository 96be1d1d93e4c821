import "server-only";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { appointments, intakes, locations, patients, practitioners, services } from "@/db/schema";
import { signId } from "@/lib/secrets";
import { MANAGE_PURPOSE } from "./manage-token";

export { MANAGE_PURPOSE };
export const manageToken = (appointmentId: string) => signId(MANAGE_PURPOSE, appointmentId);
export const manageUrl = (baseUrl: string, appointmentId: string) => `${baseUrl}/manage/${manageToken(appointmentId)}`;

/** One appointment with everything a confirmation, a manage page or a calendar file shows. */
export async function loadAppointmentDetails(db: DbOrTx, appointmentId: string) {
  const [row] = await db
    .select({
      id: appointments.id,
      status: appointments.status,
      statusReason: appointments.statusReason,
      cancelledBy: appointments.cancelledBy,
      proposedStartsAt: appointments.proposedStartsAt,
      verificationExpiresAt: appointments.verificationExpiresAt,
      caseId: appointments.caseId,
      startsAt: appointments.startsAt,
      endsAt: appointments.endsAt,
      createdAt: appointments.createdAt,
      updatedAt: appointments.updatedAt,
      patientId: appointments.patientId,
      patientName: patients.fullName,
      patientEmail: patients.email,
      practitionerId: appointments.practitionerId,
      practitionerName: practitioners.displayName,
      serviceId: services.id,
      serviceSlug: services.slug,
      serviceName: services.name,
      discipline: services.discipline,
      needsReview: services.needsReview,
      isHandsOn: services.isHandsOn,
      cancellationCutoffHours: services.cancellationCutoffHours,
      locationName: locations.name,
      locationAddress: locations.address,
      locationPhone: locations.phone,
      timeZone: locations.timeZone,
      priority: intakes.priority,
      redFlags: intakes.redFlags,
    })
    .from(appointments)
    .innerJoin(patients, eq(patients.id, appointments.patientId))
    .innerJoin(practitioners, eq(practitioners.id, appointments.practitionerId))
    .innerJoin(services, eq(services.id, appointments.serviceId))
    .innerJoin(locations, eq(locations.id, appointments.locationId))
    .leftJoin(intakes, eq(intakes.appointmentId, appointments.id))
    .where(eq(appointments.id, appointmentId))
    .limit(1);
  return row ?? null;
}

export type AppointmentDetails = NonNullable<Awaited<ReturnType<typeof loadAppointmentDetails>>>;

export function factsOf(details: AppointmentDetails, baseUrl: string) {
  return {
    patientName: details.patientName,
    serviceName: details.serviceName,
    practitionerName: details.practitionerName,
    startsAt: details.startsAt,
    timeZone: details.timeZone,
    locationName: details.locationName,
    locationAddress: details.locationAddress,
    status: details.status,
    manageUrl: manageUrl(baseUrl, details.id),
  };
}
