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

/**
 * The desk (and admins) may cancel or move any upcoming appointment — a request or a confirmed visit that
 * has not started — inside the patient's cutoff too. The staff cancel and move commands enforce it; pages
 * use it to show the buttons.
 */
export function canStaffChangeAppointment(viewer: { role: Role }, appointment: { status: AppointmentStatus; startsAt: Date }, now: Date = new Date()): boolean {
  if (viewer.role !== "staff" && viewer.role !== "admin") return false;
  return (appointment.status === "requested" || appointment.status === "confirmed") && appointment.startsAt.getTime() > now.getTime();
}
