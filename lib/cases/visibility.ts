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

/** What a restricted viewer reads instead of an action item that is not theirs. */
export const RESTRICTED_ACTION = "A task for the clinical team";

/**
 * An action item's text: its owner and the rest of the clinical team read it; a restricted viewer reads
 * it only when it is theirs to do (it may name a diagnosis: "order MRI to rule out spinal metastasis").
 */
export function canSeeActionText(viewer: Pick<CurrentUser, "role" | "discipline" | "practitionerId">, item: { ownerPractitionerId: string }): boolean {
  return !isRestrictedViewer(viewer) || item.ownerPractitionerId === viewer.practitionerId;
}

/** Recording conference decisions and the meeting's summary is for clinicians who can see what they overwrite. */
export function canRecordConference(viewer: Pick<CurrentUser, "role" | "discipline">): boolean {
  return viewer.role === "practitioner" && !isRestrictedViewer(viewer);
}
