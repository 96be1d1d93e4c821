import type { CurrentUser } from "@/lib/auth";
import type { Discipline } from "@/lib/clinic/disciplines";

/**
 * Least privilege on a case. Massage therapists see a precaution card (contraindications and whether red
 * flags were cleared) and notes written by massage therapists, never physicians' or other clinical notes,
 * referral letters or the intake's free text. Everyone else on the clinical team sees the whole record.
 */
export function isRestrictedViewer(viewer: Pick<CurrentUser, "role" | "discipline">): boolean {
  return viewer.role === "practitioner" && viewer.discipline === "massage_therapist";
}

/** What a restricted viewer reads instead of why a case is discussed at the conference. */
export const RESTRICTED_CONFERENCE_REASON = "Discussed by the clinical team";

export function canSeeNote(viewer: Pick<CurrentUser, "role" | "discipline">, note: { authorDiscipline: Discipline | null }): boolean {
  if (!isRestrictedViewer(viewer)) return true;
  return note.authorDiscipline === "massage_therapist";
}
