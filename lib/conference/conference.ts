import "server-only";
import { canCompleteActionItem } from "@/lib/cases/policy";
import { getClinic } from "@/lib/clinic/context";
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db/client";
import { rowsOf } from "@/db/client";
import { actionItems, cases, conferenceAttendees, conferenceItems, conferences, patients, practitioners, users } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth";
import { recordAuditEvent } from "@/lib/audit";
import { changeCaseStatus } from "@/lib/cases/commands";
import { RESTRICTED_ACTION, RESTRICTED_CONFERENCE_REASON, canRecordConference, canSeeActionText, isRestrictedViewer } from "@/lib/cases/visibility";
import type { CaseStatus } from "@/lib/cases/status";
import { DomainError } from "@/lib/errors";
import { nextConferenceStart } from "./schedule";

/** The upcoming conference, created on first use (one row per meeting time). */
export async function upcomingConference(db: DbOrTx, now: Date = new Date()) {
  // Weekly, at the clinic's main location's time (clinic.timeZone).
  const clinic = await getClinic(db);
  const startsAt = nextConferenceStart({ weekday: clinic.settings.conferenceWeekday, time: clinic.settings.conferenceTime, timeZone: clinic.timeZone, now });
  await db.insert(conferences).values({ startsAt }).onConflictDoNothing();
  const [row] = await db.select().from(conferences).where(eq(conferences.startsAt, startsAt));
  return row!;
}

export async function nominateCase(tx: Tx, caseId: string, reason: string, actor: CurrentUser) {
  const [exists] = await tx.select({ id: cases.id }).from(cases).where(eq(cases.id, caseId));
  if (!exists) throw new DomainError("not_found", "case");
  const conference = await upcomingConference(tx);
  const added = await tx.insert(conferenceItems).values({ conferenceId: conference.id, caseId, reason, nominatedBy: actor.id }).onConflictDoNothing().returning({ id: conferenceItems.id });
  if (!added.length) throw new DomainError("already_on_agenda");
  const [c] = await tx.select({ status: cases.status }).from(cases).where(eq(cases.id, caseId));
  if (c && c.status !== "case_conference" && c.status !== "discharged") await changeCaseStatus(tx, caseId, "case_conference", actor, { conferenceId: conference.id });
  await recordAuditEvent(tx, { actor, action: "conference.nominated", caseId, entityType: "conference_item", entityId: added[0]!.id, details: { conferenceId: conference.id } });
  return { conferenceId: conference.id, itemId: added[0]!.id };
}

/**
 * Cases the rules suggest for the conference (not yet on its agenda, not discharged), with the reason:
 * red flags not yet cleared, a referral from oncology or hematology, immune suppression, low bone
 * density (osteoporosis flag or a bone-health referral), or no meaningful pain improvement (< 2 points)
 * after 6 weeks of care.
 */
type Viewer = Pick<CurrentUser, "role" | "discipline" | "practitionerId">;

export async function suggestedCases(db: DbOrTx, conferenceId: string, viewer: Viewer) {
  const rows = rowsOf<{ case_id: string; patient_id: string; patient_name: string; priority_rank: number; reason: string }>(
    await db.execute(sql`
      with open_cases as (
        select c.* from cases c
        where c.status <> 'discharged'
          and not exists (select 1 from conference_items i where i.case_id = c.id and i.conference_id = ${conferenceId})
      ),
      reasons as (
        select id, 'Red flags not yet cleared' as reason from open_cases oc where exists (select 1 from patient_red_flags f where f.patient_id = oc.patient_id and f.cleared_at is null)
        union all
        select distinct c.id, 'Referral from ' || r.specialty from open_cases c join referrals r on r.case_id = c.id
          where r.direction = 'incoming' and r.specialty in ('oncology', 'hematology')
        union all
        select id, 'Immune suppression' from open_cases where 'immunosuppressed' = any(red_flags)
        union all
        select id, 'Low bone density' from open_cases where 'osteoporosis_or_steroids' = any(red_flags)
        union all
        select distinct c.id, 'Low bone density (bone-health referral)' from open_cases c join referrals r on r.case_id = c.id where r.specialty = 'bone_health'
        union all
        select c.id, 'No pain improvement after 6 weeks' from open_cases c
          where c.opened_at < now() - interval '6 weeks'
            and (select score from pain_scores p where p.case_id = c.id order by recorded_at desc limit 1)
              > (select score from pain_scores p where p.case_id = c.id order by recorded_at asc limit 1) - 2
      )
      select c.id as case_id, c.patient_id, pt.full_name as patient_name, c.priority_rank, string_agg(distinct r.reason, '; ') as reason
      from reasons r join open_cases c on c.id = r.id join patients pt on pt.id = c.patient_id
      group by c.id, c.patient_id, pt.full_name, c.priority_rank, c.opened_at
      order by c.priority_rank, c.opened_at
      limit 50`),
  );
  return isRestrictedViewer(viewer) ? rows.map((r) => ({ ...r, reason: RESTRICTED_CONFERENCE_REASON })) : rows;
}

/**
 * The agenda and the suggestions show patients' names and why they are discussed: a read of each of
 * those records, audited once per case (so it appears in the patient's "who looked at my record").
 */
export async function auditConferenceRead(db: DbOrTx, actor: CurrentUser, action: string, conferenceId: string, shown: ReadonlyArray<{ caseId: string; patientId: string }>) {
  const seen = new Set<string>();
  for (const row of shown) {
    if (seen.has(row.caseId)) continue;
    seen.add(row.caseId);
    await recordAuditEvent(db, { actor, action, patientId: row.patientId, caseId: row.caseId, entityType: "conference", entityId: conferenceId });
  }
}

/** The agenda: most urgent cases first, then in order of nomination. */
export async function conferenceAgenda(db: DbOrTx, conferenceId: string, viewer: Viewer) {
  const items = await db
    .select({
      id: conferenceItems.id,
      caseId: conferenceItems.caseId,
      patientId: cases.patientId,
      reason: conferenceItems.reason,
      recommendation: conferenceItems.recommendation,
      outcomeStatus: conferenceItems.outcomeStatus,
      discussedAt: conferenceItems.discussedAt,
      patientName: patients.fullName,
      priority: cases.priority,
      caseStatus: cases.status,
      hasRedFlags: cases.hasRedFlags,
      nominatedByName: users.name,
    })
    .from(conferenceItems)
    .innerJoin(cases, eq(cases.id, conferenceItems.caseId))
    .innerJoin(patients, eq(patients.id, cases.patientId))
    .leftJoin(users, eq(users.id, conferenceItems.nominatedBy))
    .where(eq(conferenceItems.conferenceId, conferenceId))
    .orderBy(asc(cases.priorityRank), asc(conferenceItems.id));
  const actions = items.length
    ? await db
        .select({
          id: actionItems.id,
          conferenceItemId: actionItems.conferenceItemId,
          description: actionItems.description,
          dueOn: actionItems.dueOn,
          completedAt: actionItems.completedAt,
          ownerName: practitioners.displayName,
          ownerPractitionerId: actionItems.ownerPractitionerId,
        })
        .from(actionItems)
        .innerJoin(practitioners, eq(practitioners.id, actionItems.ownerPractitionerId))
        .where(
          inArray(
            actionItems.conferenceItemId,
            items.map((i) => i.id),
          ),
        )
    : [];
  const attendees = await db.select({ practitionerId: conferenceAttendees.practitionerId }).from(conferenceAttendees).where(eq(conferenceAttendees.conferenceId, conferenceId));
  const restricted = isRestrictedViewer(viewer);
  return {
    items: items.map((i) => {
      const own = actions.filter((a) => a.conferenceItemId === i.id);
      return restricted
        ? { ...i, reason: RESTRICTED_CONFERENCE_REASON, recommendation: "", actions: own.map((a) => (canSeeActionText(viewer, a) ? a : { ...a, description: RESTRICTED_ACTION })) }
        : { ...i, actions: own };
    }),
    attendeeIds: attendees.map((a) => a.practitionerId),
  };
}

export async function recordDecision(
  tx: Tx,
  input: { itemId: string; recommendation: string; outcomeStatus: CaseStatus | null; actions: Array<{ ownerPractitionerId: string; description: string; dueOn: string }> },
  actor: CurrentUser,
) {
  // A viewer who cannot see the recommendation cannot overwrite it.
  if (!canRecordConference(actor)) throw new DomainError("forbidden", "conference_decision");
  const [item] = await tx.select().from(conferenceItems).where(eq(conferenceItems.id, input.itemId)).for("update");
  if (!item) throw new DomainError("not_found", "agenda_item");
  await tx
    .update(conferenceItems)
    .set({ recommendation: input.recommendation, outcomeStatus: input.outcomeStatus, discussedAt: sql`now()`, discussedBy: actor.id })
    .where(eq(conferenceItems.id, item.id));
  if (input.actions.length) {
    const owners = await tx
      .select({ id: practitioners.id })
      .from(practitioners)
      .where(
        inArray(
          practitioners.id,
          input.actions.map((a) => a.ownerPractitionerId),
        ),
      );
    if (owners.length !== new Set(input.actions.map((a) => a.ownerPractitionerId)).size) throw new DomainError("invalid", "action_owners");
    await tx.insert(actionItems).values(input.actions.map((a) => ({ ...a, caseId: item.caseId, conferenceItemId: item.id, createdBy: actor.id })));
  }
  const [c] = await tx.select({ status: cases.status, patientId: cases.patientId }).from(cases).where(eq(cases.id, item.caseId));
  if (input.outcomeStatus && c && c.status !== input.outcomeStatus) await changeCaseStatus(tx, item.caseId, input.outcomeStatus, actor, { conferenceItemId: item.id });
  await recordAuditEvent(tx, {
    actor,
    action: "conference.decision_recorded",
    patientId: c?.patientId,
    caseId: item.caseId,
    entityType: "conference_item",
    entityId: item.id,
    details: { actions: input.actions.length, outcome: input.outcomeStatus },
  });
}

export async function recordMeeting(tx: Tx, input: { conferenceId: string; summary: string; attendees: string[] }, actor: CurrentUser) {
  if (!canRecordConference(actor)) throw new DomainError("forbidden", "conference_summary");
  const [conf] = await tx.select().from(conferences).where(eq(conferences.id, input.conferenceId)).for("update");
  if (!conf) throw new DomainError("not_found", "conference");
  if (input.attendees.length) {
    const known = await tx.select({ id: practitioners.id }).from(practitioners).where(inArray(practitioners.id, input.attendees));
    if (known.length !== new Set(input.attendees).size) throw new DomainError("invalid", "attendees", { fields: { attendees: "attendees" } });
  }
  await tx
    .update(conferences)
    .set({ summary: input.summary, heldAt: conf.heldAt ?? sql`now()` })
    .where(eq(conferences.id, conf.id));
  await tx.delete(conferenceAttendees).where(eq(conferenceAttendees.conferenceId, conf.id));
  if (input.attendees.length)
    await tx
      .insert(conferenceAttendees)
      .values(input.attendees.map((practitionerId) => ({ conferenceId: conf.id, practitionerId })))
      .onConflictDoNothing();
  await recordAuditEvent(tx, { actor, action: "conference.recorded", entityType: "conference", entityId: conf.id, details: { attendees: input.attendees.length } });
}

/** Only the owner (or an admin) marks their action item done. */
export async function completeActionItem(tx: Tx, actionItemId: string, actor: CurrentUser) {
  const [item] = await tx
    .select()
    .from(actionItems)
    .where(and(eq(actionItems.id, actionItemId), isNull(actionItems.completedAt)))
    .for("update");
  if (!item) throw new DomainError("not_found", "action_item");
  if (!canCompleteActionItem(actor, item)) throw new DomainError("forbidden", "action_owner");
  await tx
    .update(actionItems)
    .set({ completedAt: sql`now()`, completedBy: actor.id })
    .where(eq(actionItems.id, item.id));
  await recordAuditEvent(tx, { actor, action: "action_item.completed", caseId: item.caseId, entityType: "action_item", entityId: item.id });
}

export async function getConference(db: DbOrTx, id: string) {
  const [row] = await db.select().from(conferences).where(eq(conferences.id, id));
  return row ?? null;
}

export async function listPractitionerOptions(db: DbOrTx) {
  return db
    .select({ id: practitioners.id, name: practitioners.displayName, discipline: practitioners.discipline })
    .from(practitioners)
    .where(eq(practitioners.isActive, true))
    .orderBy(asc(practitioners.displayName));
}
