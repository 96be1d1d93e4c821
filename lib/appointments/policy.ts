import type { Role } from "@/lib/auth/roles";
import { decideAppointmentMove, type Blocker } from "./transitions";
import type { AppointmentStatus } from "./status";

/**
 * What the desk may do with an appointment, for showing or hiding buttons: the same decision the
 * lifecycle enforces (decideAppointmentMove), asked with the facts the page already has.
 */
export function canConfirmAppointment(viewer: { role: Role }, appointment: { status: AppointmentStatus; blockers: readonly Blocker[]; awaitingVerification: boolean }): boolean {
  if (viewer.role !== "staff" && viewer.role !== "admin") return false;
  return decideAppointmentMove(appointment.status, "confirm", {
    isHandsOn: appointment.blockers.length > 0,
    needsReview: false,
    requestFlags: [],
    blockers: appointment.blockers,
    isMinor: false,
    awaitingVerification: appointment.awaitingVerification,
  }).ok;
}
