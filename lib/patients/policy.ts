import type { Role } from "@/lib/auth/roles";

/**
 * The desk and admins edit a patient's contact details. A provisional record (an online request whose
 * sender has not proved their email) is nobody's yet: it is linked first, never edited.
 */
export const canEditPatientContact = (viewer: { role: Role }, patient: { isProvisional: boolean }) => (viewer.role === "staff" || viewer.role === "admin") && !patient.isProvisional;
