import type { CurrentUser } from "@/lib/auth";

type Viewer = Pick<CurrentUser, "role" | "practitionerId">;

/**
 * Who may make a practitioner a case's lead. Claiming takes an unassigned case; handing a case over is
 * for its current lead or an admin — an unassigned case anyone on the team may hand to someone. The
 * command (assignLead) enforces it; the case page shows "Assign lead" only when it allows.
 */
export function canAssignLead(viewer: Viewer, c: { leadPractitionerId: string | null }): boolean {
  if (viewer.role === "admin") return true;
  if (viewer.role !== "practitioner") return false;
  return !c.leadPractitionerId || c.leadPractitionerId === viewer.practitionerId;
}
