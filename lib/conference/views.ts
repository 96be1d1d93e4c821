import "server-only";
import { getDb } from "@/db/client";
import type { CurrentUser } from "@/lib/auth";
import { canRecordConference } from "@/lib/cases/visibility";
import { listLocations } from "@/lib/clinic/queries";
import { auditConferenceRead, conferenceAgenda, getConference, listPractitionerOptions, suggestedCases, upcomingConference } from "./conference";

/**
 * The weekly conference and its printout: the agenda filtered for the viewer (restricted viewers read
 * neither reasons, recommendations, others' actions nor the meeting's summary), every patient shown audited.
 */
export async function getConferencePageData({ viewer }: { viewer: CurrentUser }) {
  const db = getDb();
  const conference = await upcomingConference(db);
  const [{ items, attendeeIds }, suggestions, practitioners, locations] = await Promise.all([
    conferenceAgenda(db, conference.id, viewer),
    suggestedCases(db, conference.id, viewer),
    listPractitionerOptions(db),
    listLocations(db),
  ]);
  await auditConferenceRead(db, viewer, "conference.agenda_viewed", conference.id, [...items, ...suggestions.map((s) => ({ caseId: s.case_id, patientId: s.patient_id }))]);
  const canRecord = canRecordConference(viewer);
  return {
    conference: { ...conference, summary: canRecord ? conference.summary : "" },
    items,
    attendeeIds,
    suggestions,
    practitioners,
    canRecord,
    timeZone: locations[0]?.timeZone ?? "UTC",
  };
}

export async function getConferencePrintData({ viewer, conferenceId }: { viewer: CurrentUser; conferenceId: string }) {
  const db = getDb();
  const conference = await getConference(db, conferenceId);
  if (!conference) return null;
  const [{ items }, locations] = await Promise.all([conferenceAgenda(db, conferenceId, viewer), listLocations(db)]);
  await auditConferenceRead(db, viewer, "conference.agenda_printed", conferenceId, items);
  return { conference, items, timeZone: locations[0]?.timeZone ?? "UTC" };
}
