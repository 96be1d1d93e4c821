import type { Role } from "@/lib/auth/roles";

type Viewer = { role: Role; patientId?: string | null } | null;

/**
 * Who may put a patient on the waitlist: the desk and admins for anyone; a signed-in patient for
 * themselves; a visitor for themselves (no record: their proved email), or through an appointment's
 * manage link (`viaManageLink`, the link having been checked by the caller).
 */
export function canJoinWaitlistFor(viewer: Viewer, patientId: string | null, viaManageLink = false): boolean {
  if (!viewer) return patientId === null || viaManageLink;
  if (viewer.role === "staff" || viewer.role === "admin") return true;
  if (viewer.role === "patient") return patientId === null || patientId === viewer.patientId;
  return false;
}

/** The desk's view of the list and its offers; admins also see how freed times were refilled. */
export function canSeeWaitlist(viewer: { role: Role }): boolean {
  return viewer.role === "staff" || viewer.role === "admin";
}

/** Taking someone off the list: the desk and admins (patients use their offer's link). */
export function canRemoveFromWaitlist(viewer: { role: Role }): boolean {
  return viewer.role === "staff" || viewer.role === "admin";
}
