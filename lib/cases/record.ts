import "server-only";
import { appointmentRows } from "@/lib/appointments/joined";
import { patientTimeZone } from "@/lib/patients/zone";
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import {
  actionItems,
  appointments,
  auditEvents,
  caseNotes,
  caseNoteVersions,
  cases,
  conferenceItems,
  conferences,
  painScores,
  patients,
  practitioners,
  psfsAssessments,
  referrals,
  users,
} from "@/db/schema";
import type { CurrentUser } from "@/lib/auth";
import { assessTriage, type DurationThresholds } from "@/lib/triage/assess";
import { PRIORITY_LABELS, asRedFlagCodes } from "@/lib/triage/red-flags";
import { REFERRAL_STATUS_LABELS, SPECIALTY_LABELS } from "@/lib/referrals/kinds";
import { CASE_STATUS_LABELS, DURATION_CLASS_LABELS, type CaseStatus } from "./status";
import { localDate } from "@/lib/time";
import { textOf } from "@/lib/i18n";
import { handsOnBlockers } from "@/lib/appointments/transitions";
import { listPatientFlags } from "@/lib/red-flags/flags";
import { assessAge } from "@/lib/triage/age";
import { precautionsFor } from "./precautions";
import { RESTRICTED_ACTION, RESTRICTED_CONFERENCE_REASON, canSeeActionText, canSeeNote, isRestrictedViewer } from "./visibility";

/** An audit event of the case in words (events store codes; events written before that stored a title). */
function timelineTitle(details: Record<string, unknown>, action = "", actorName: string | null = null): string {
  if (typeof details.title === "string") return details.title;
  if (action === "appointment.cancelled" || action === "appointment.rescheduled") {
    // Who and why: the clinic's reason code in words (a patient's own cancellation through its link has none).
    const reason = (typeof details.reason === "string" && textOf(`cancelReasons.${details.reason}`)) || (details.by === "manage_link" ? "by the patient's link" : "no reason given");
    const params = { reason, by: actorName ?? "none", late: String(details.late === true) };
    return textOf(action === "appointment.cancelled" ? "timeline.cancelled" : "timeline.moved", params) ?? reason;
  }
  if (details.kind === "regimen")
    return textOf("timeline.regimen", { changed: String(details.changed === true), version: Number(details.version ?? 1), exercises: Number(details.exercises ?? 0) }) ?? "Exercise plan";
  return textOf("timeline.status", { from: CASE_STATUS_LABELS[details.from as CaseStatus] ?? "—", to: CASE_STATUS_LABELS[details.to as CaseStatus] ?? "—" }) ?? "Status";
}

export type TimelineEntry = { at: Date; kind: "request" | "appointment" | "note" | "referral" | "conference" | "action" | "status" | "regimen"; title: string; detail?: string };

/** A case as one viewer may see it. Restricted viewers (massage therapists) get a precaution card instead of clinical content. */
export async function getCaseRecord(db: DbOrTx, caseId: string, viewer: CurrentUser, thresholds: DurationThresholds) {
  const [c] = await db
    .select({
      id: cases.id,
      patientId: cases.patientId,
      status: cases.status,
      priority: cases.priority,
      durationClass: cases.durationClass,
      disciplines: cases.disciplines,
      suggestedDiscipline: cases.suggestedDiscipline,
      redFlags: cases.redFlags,
      hasRedFlags: cases.hasRedFlags,
      awaitingReview: cases.awaitingReview,
      dischargeReason: cases.dischargeReason,
      triageReasons: cases.triageReasons,
      openedAt: cases.openedAt,
      leadPractitionerId: cases.leadPractitionerId,
      leadName: practitioners.displayName,
      patientName: patients.fullName,
      patientEmail: patients.email,
      patientPhone: patients.phone,
      patientDateOfBirth: patients.dateOfBirth,
    })
    .from(cases)
    .innerJoin(patients, eq(patients.id, cases.patientId))
    .leftJoin(practitioners, eq(practitioners.id, cases.leadPractitionerId))
    .where(eq(cases.id, caseId))
    .limit(1);
  if (!c) return null;
  const restricted = isRestrictedViewer(viewer);

  const [flags, requests, notes, pain, psfs, refs, decisions, actions, statusChanges] = await Promise.all([
    listPatientFlags(db, c.patientId),
    appointmentRows(db).where(eq(appointments.caseId, caseId)).orderBy(desc(appointments.startsAt)),
    db
      .select({
        id: caseNotes.id,
        body: caseNotes.body,
        version: caseNotes.version,
        authorDiscipline: caseNotes.authorDiscipline,
        authorName: users.name,
        authorUserId: caseNotes.authorUserId,
        createdAt: caseNotes.createdAt,
        updatedAt: caseNotes.updatedAt,
      })
      .from(caseNotes)
      .innerJoin(users, eq(users.id, caseNotes.authorUserId))
      .where(eq(caseNotes.caseId, caseId))
      .orderBy(desc(caseNotes.createdAt)),
    db.select().from(painScores).where(eq(painScores.caseId, caseId)).orderBy(asc(painScores.recordedAt)),
    db.select().from(psfsAssessments).where(eq(psfsAssessments.caseId, caseId)).orderBy(asc(psfsAssessments.recordedAt)),
    db.select().from(referrals).where(eq(referrals.caseId, caseId)).orderBy(desc(referrals.createdAt)),
    db
      .select({
        id: conferenceItems.id,
        reason: conferenceItems.reason,
        recommendation: conferenceItems.recommendation,
        outcomeStatus: conferenceItems.outcomeStatus,
        discussedAt: conferenceItems.discussedAt,
        conferenceStartsAt: conferences.startsAt,
      })
      .from(conferenceItems)
      .innerJoin(conferences, eq(conferences.id, conferenceItems.conferenceId))
      .where(eq(conferenceItems.caseId, caseId))
      .orderBy(desc(conferences.startsAt)),
    db
      .select({
        id: actionItems.id,
        description: actionItems.description,
        dueOn: actionItems.dueOn,
        completedAt: actionItems.completedAt,
        createdAt: actionItems.createdAt,
        ownerName: practitioners.displayName,
        ownerPractitionerId: actionItems.ownerPractitionerId,
      })
      .from(actionItems)
      .innerJoin(practitioners, eq(practitioners.id, actionItems.ownerPractitionerId))
      .where(eq(actionItems.caseId, caseId))
      .orderBy(asc(actionItems.dueOn)),
    db
      .select({ at: auditEvents.at, details: auditEvents.details, action: auditEvents.action, actorName: users.name })
      .from(auditEvents)
      .leftJoin(users, eq(users.id, auditEvents.actorUserId))
      .where(and(eq(auditEvents.caseId, caseId), inArray(auditEvents.action, ["case.status_changed", "regimen.assigned", "regimen.changed", "appointment.cancelled", "appointment.rescheduled"])))
      .orderBy(asc(auditEvents.at)),
  ]);

  const visibleNotes = notes.filter((n) => canSeeNote(viewer, n));
  const visibleActions = actions.map((a) => (canSeeActionText(viewer, a) ? a : { ...a, description: RESTRICTED_ACTION }));
  const editedIds = visibleNotes.filter((n) => n.version > 1).map((n) => n.id);
  const history = editedIds.length
    ? await db
        .select({ noteId: caseNoteVersions.noteId, version: caseNoteVersions.version, body: caseNoteVersions.body, editedAt: caseNoteVersions.editedAt, editorName: users.name })
        .from(caseNoteVersions)
        .innerJoin(users, eq(users.id, caseNoteVersions.editedBy))
        .where(inArray(caseNoteVersions.noteId, editedIds))
        .orderBy(desc(caseNoteVersions.version))
    : [];

  const triaged = requests.map((r) => ({
    ...r,
    triage: r.painStartedOn
      ? assessTriage({
          redFlags: asRedFlagCodes(r.redFlags ?? []),
          painStartedOn: r.painStartedOn,
          requestedOn: localDate(r.createdAt, r.timeZone),
          service: { discipline: r.discipline, needsReview: r.needsReview },
          thresholds,
        })
      : null,
  }));

  const timeline: TimelineEntry[] = [
    ...triaged.map((r) => ({
      at: r.createdAt,
      kind: "request" as const,
      title: `Request: ${r.serviceName} with ${r.practitionerName}`,
      detail: r.triage ? `Priority: ${PRIORITY_LABELS[r.triage.priority].toLowerCase()}, ${DURATION_CLASS_LABELS[r.triage.durationClass].toLowerCase()}` : undefined,
    })),
    ...triaged
      .filter((r) => r.status === "completed" || r.status === "no_show")
      .map((r) => ({ at: r.startsAt, kind: "appointment" as const, title: `${r.status === "completed" ? "Visit" : "No-show"}: ${r.serviceName} with ${r.practitionerName}` })),
    ...visibleNotes.map((n) => ({ at: n.createdAt, kind: "note" as const, title: `Note by ${n.authorName}${n.version > 1 ? " (edited)" : ""}` })),
    ...(restricted
      ? []
      : refs.map((r) => ({
          at: r.createdAt,
          kind: "referral" as const,
          title: `${r.direction === "incoming" ? "Referral from" : "Referral to"} ${SPECIALTY_LABELS[r.specialty]}: ${r.counterpart}`,
          detail: REFERRAL_STATUS_LABELS[r.status],
        }))),
    ...decisions.filter((d) => d.discussedAt).map((d) => ({ at: d.discussedAt!, kind: "conference" as const, title: "Case conference decision", detail: restricted ? undefined : d.recommendation })),
    ...visibleActions.map((a) => ({ at: a.createdAt, kind: "action" as const, title: `Action for ${a.ownerName}: ${a.description}`, detail: a.completedAt ? "done" : `due ${a.dueOn}` })),
    ...statusChanges.map((s) => ({
      at: s.at,
      kind: (s.action.startsWith("appointment.") ? "appointment" : String(s.details.kind ?? "").startsWith("regimen") ? "regimen" : "status") as TimelineEntry["kind"],
      title: timelineTitle(s.details, s.action, s.actorName),
    })),
  ].sort((a, b) => b.at.getTime() - a.at.getTime());

  const uncleared = flags.filter((f) => !f.clearedAt).map((f) => ({ code: f.code, priority: f.priority }));
  // Hands-on requests the patient's uncleared flags hold, with the flags that hold them.
  const blocked = triaged
    .filter((r) => r.status === "requested")
    .map((r) => ({
      id: r.id,
      serviceName: r.serviceName,
      startsAt: r.startsAt,
      timeZone: r.timeZone,
      practitionerName: r.practitionerName,
      blockers: handsOnBlockers({ isHandsOn: r.isHandsOn, blockers: uncleared }),
    }))
    .filter((r) => r.blockers.length);
  // Age on the patient's own calendar (their visits' location).
  const today = localDate(new Date(), await patientTimeZone(db, c.patientId));
  return {
    case: c,
    restricted,
    // The patient's flags across every episode; a restricted viewer sees state and who cleared, not the clinical note.
    flags: restricted ? flags.map((f) => ({ ...f, history: f.history.map((h) => ({ ...h, note: null })) })) : flags,
    blocked,
    age: assessAge(c.patientDateOfBirth, today, asRedFlagCodes(flags.map((f) => f.code))),
    precautions: precautionsFor(flags.map((f) => f.code)),
    requests: restricted ? triaged.map((r) => ({ ...r, notes: "", worseWith: "" })) : triaged,
    notes: visibleNotes.map((n) => ({ ...n, history: history.filter((h) => h.noteId === n.id) })),
    pain,
    psfs: psfs.map((p) => ({ ...p, mean: p.items.reduce((sum, i) => sum + i.score, 0) / Math.max(1, p.items.length) })),
    referrals: restricted ? [] : refs,
    decisions: restricted ? decisions.map((d) => ({ ...d, reason: RESTRICTED_CONFERENCE_REASON, recommendation: "" })) : decisions,
    actions: visibleActions,
    timeline,
  };
}

export type CaseRecord = NonNullable<Awaited<ReturnType<typeof getCaseRecord>>>;
