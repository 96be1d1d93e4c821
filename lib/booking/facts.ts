import "server-only";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { appointments } from "@/db/schema";
import { appointmentRows } from "@/lib/appointments/joined";
import { getClinic } from "@/lib/clinic/context";
import { signId } from "@/lib/secrets";
import { MANAGE_PURPOSE } from "./manage-token";

export { MANAGE_PURPOSE };
export const manageToken = (appointmentId: string) => signId(MANAGE_PURPOSE, appointmentId);
export const manageUrl = (baseUrl: string, appointmentId: string) => `${baseUrl}/manage/${manageToken(appointmentId)}`;

/** One appointment with everything a confirmation, a manage page or a calendar file shows. */
export async function loadAppointmentDetails(db: DbOrTx, appointmentId: string) {
  const [[row], clinic] = await Promise.all([appointmentRows(db).where(eq(appointments.id, appointmentId)).limit(1), getClinic(db)]);
  // The clinic's name and emergency number as the admin set them (emails and calendar files say them).
  return row ? { ...row, clinicName: clinic.name, emergencyNumber: clinic.emergencyNumber } : null;
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
    clinicName: details.clinicName,
    emergencyNumber: details.emergencyNumber,
  };
}
