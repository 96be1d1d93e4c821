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

/** Clinical writing on a case (notes, pain and PSFS scores, referrals, nominating for conference) is a practitioner's. */
export function canWriteClinical(viewer: Pick<CurrentUser, "role">): boolean {
  return viewer.role === "practitioner";
}

/** Only a note's author edits it (earlier text is kept as a version). */
export function canEditNote(viewer: Pick<CurrentUser, "id" | "role">, note: { authorUserId: string }): boolean {
  return canWriteClinical(viewer) && note.authorUserId === viewer.id;
}

/** Only an action item's owner (or an admin) marks it done. */
export function canCompleteActionItem(viewer: Viewer, item: { ownerPractitionerId: string; completedAt: Date | null }): boolean {
  if (item.completedAt) return false;
  return viewer.role === "admin" || (viewer.role === "practitioner" && item.ownerPractitionerId === viewer.practitionerId);
}
