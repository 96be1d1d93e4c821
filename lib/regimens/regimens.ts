import "server-only";
import { getClinic } from "@/lib/clinic/context";
import { patientTimeZone } from "@/lib/patients/zone";
import { and, asc, desc, eq, gte, inArray, ne, sql } from "drizzle-orm";
import type { Db, DbOrTx, Tx } from "@/db/client";
import { actionItems, cases, dailyCheckins, exerciseLogs, exercises, patients, practitioners, regimenItems, regimens, regimenTemplates, users } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth";
import { recordAuditEvent } from "@/lib/audit";
import { DomainError } from "@/lib/errors";
import { enqueueEmail } from "@/lib/notifications/outbox";
import { regimenEmail } from "@/lib/notifications/templates";
import { addDaysIso, localDate } from "@/lib/time";
import { checkInReasons, computeAdherence, planCalendar, type VersionForAdherence } from "./adherence";
import type { RegimenItem } from "./schemas";

/** Practitioners on the case edit its regimen: the lead, or anyone whose discipline is involved. */
export function canEditRegimen(user: Pick<CurrentUser, "role" | "practitionerId" | "discipline">, c: { leadPractitionerId: string | null; disciplines: readonly string[] }): boolean {
  if (user.role !== "practitioner" || !user.practitionerId) return false;
  return c.leadPractitionerId === user.practitionerId || (user.discipline !== null && c.disciplines.includes(user.discipline));
}

const itemColumns = {
  id: regimenItems.id,
  regimenId: regimenItems.regimenId,
  exerciseId: regimenItems.exerciseId,
  position: regimenItems.position,
  sets: regimenItems.sets,
  reps: regimenItems.reps,
  durationSeconds: regimenItems.durationSeconds,
  holdSeconds: regimenItems.holdSeconds,
  timesPerDay: regimenItems.timesPerDay,
  daysPerWeek: regimenItems.daysPerWeek,
  side: regimenItems.side,
  notes: regimenItems.notes,
  exerciseName: exercises.name,
  exerciseSlug: exercises.slug,
  instructions: exercises.instructions,
  precautions: exercises.precautions,
  equipment: exercises.equipment,
  mediaUrl: exercises.mediaUrl,
  pictureStartUrl: exercises.pictureStartUrl,
  pictureStartAlt: exercises.pictureStartAlt,
  pictureEndUrl: exercises.pictureEndUrl,
  pictureEndAlt: exercises.pictureEndAlt,
  pictureLicence: exercises.pictureLicence,
  pictureAttribution: exercises.pictureAttribution,
};

/** Every version of a case's regimen, newest first, each with its items in order. */
export async function listRegimenVersions(db: DbOrTx, caseId: string) {
  const versions = await db
    .select({
      id: regimens.id,
      lineageId: regimens.lineageId,
      version: regimens.version,
      title: regimens.title,
      startDate: regimens.startDate,
      reviewDate: regimens.reviewDate,
      isCurrent: regimens.isCurrent,
      createdAt: regimens.createdAt,
      createdBy: regimens.createdBy,
      authorName: users.name,
      patientId: regimens.patientId,
      caseId: regimens.caseId,
    })
    .from(regimens)
    .innerJoin(users, eq(users.id, regimens.createdBy))
    .where(eq(regimens.caseId, caseId))
    .orderBy(desc(regimens.version));
  if (!versions.length) return [];
  const items = await db
    .select(itemColumns)
    .from(regimenItems)
    .innerJoin(exercises, eq(exercises.id, regimenItems.exerciseId))
    .where(
      inArray(
        regimenItems.regimenId,
        versions.map((v) => v.id),
      ),
    )
    .orderBy(asc(regimenItems.position));
  return versions.map((v) => ({ ...v, items: items.filter((i) => i.regimenId === v.id) }));
}
export type RegimenVersion = Awaited<ReturnType<typeof listRegimenVersions>>[number];

/**
 * Saves a regimen for the case's patient: the first one, or a new version of the current one (the old
 * version stays as it was). Notifies the patient and appears on the case timeline.
 */
export async function saveRegimen(tx: Tx, input: { caseId: string; title: string; startDate: string; reviewDate: string; items: RegimenItem[] }, actor: CurrentUser, portalUrl: string) {
  const [c] = await tx.select().from(cases).where(eq(cases.id, input.caseId)).for("update");
  if (!c) throw new DomainError("not_found", "case");
  if (!canEditRegimen(actor, c)) throw new DomainError("forbidden", "regimen_care_team");
  const known = await tx
    .select({ id: exercises.id })
    .from(exercises)
    .where(
      inArray(
        exercises.id,
        input.items.map((i) => i.exerciseId),
      ),
    );
  if (known.length !== input.items.length) throw new DomainError("invalid", "exercise_not_in_library", { fields: { items: "exercise_not_in_library" } });

  const [current] = await tx
    .select()
    .from(regimens)
    .where(and(eq(regimens.caseId, c.id), eq(regimens.isCurrent, true)));
  if (current) await tx.update(regimens).set({ isCurrent: false }).where(eq(regimens.id, current.id));
  const id = crypto.randomUUID();
  await tx.insert(regimens).values({
    id,
    lineageId: current?.lineageId ?? id,
    version: (current?.version ?? 0) + 1,
    previousId: current?.id ?? null,
    caseId: c.id,
    patientId: c.patientId,
    title: input.title,
    startDate: input.startDate,
    reviewDate: input.reviewDate,
    createdBy: actor.id,
  });
  await tx.insert(regimenItems).values(
    input.items.map((item, position) => ({
      regimenId: id,
      exerciseId: item.exerciseId,
      position,
      sets: item.sets,
      reps: item.reps ?? null,
      durationSeconds: item.durationSeconds ?? null,
      holdSeconds: item.holdSeconds ?? null,
      timesPerDay: item.timesPerDay,
      daysPerWeek: item.daysPerWeek,
      side: item.side,
      notes: item.notes,
    })),
  );
  const changed = Boolean(current);
  const version = (current?.version ?? 0) + 1;
  await recordAuditEvent(tx, {
    actor,
    action: changed ? "regimen.changed" : "regimen.assigned",
    patientId: c.patientId,
    caseId: c.id,
    entityType: "regimen",
    entityId: id,
    // Codes and numbers only: the timeline says it in words (lib/i18n, timeline.regimen).
    details: { kind: "regimen", changed, version, exercises: input.items.length },
  });
  const [patient] = await tx.select({ name: patients.fullName, email: patients.email }).from(patients).where(eq(patients.id, c.patientId));
  if (patient) {
    await enqueueEmail(tx, {
      kind: "regimen",
      to: patient.email,
      content: regimenEmail({ patientName: patient.name, title: input.title, practitionerName: actor.name, portalUrl, changed, clinicName: (await getClinic(tx)).name }),
      dedupeKey: `regimen:${id}`,
    });
  }
  return { regimenId: id, version };
}

/** The plan a patient follows today: the current regimen of each of their open cases. */
export async function getPatientPlans(db: DbOrTx, patientId: string) {
  const current = await db
    .select({
      id: regimens.id,
      caseId: regimens.caseId,
      lineageId: regimens.lineageId,
      title: regimens.title,
      version: regimens.version,
      startDate: regimens.startDate,
      reviewDate: regimens.reviewDate,
      authorName: users.name,
    })
    .from(regimens)
    .innerJoin(cases, eq(cases.id, regimens.caseId))
    .innerJoin(users, eq(users.id, regimens.createdBy))
    .where(and(eq(regimens.patientId, patientId), eq(regimens.isCurrent, true), ne(cases.status, "discharged")))
    .orderBy(desc(regimens.createdAt));
  if (!current.length) return [];
  const items = await db
    .select(itemColumns)
    .from(regimenItems)
    .innerJoin(exercises, eq(exercises.id, regimenItems.exerciseId))
    .where(
      inArray(
        regimenItems.regimenId,
        current.map((r) => r.id),
      ),
    )
    .orderBy(asc(regimenItems.position));
  return current.map((r) => ({ ...r, items: items.filter((i) => i.regimenId === r.id) }));
}

export async function listPatientLogs(db: DbOrTx, patientId: string, since: string) {
  const [logs, checkins] = await Promise.all([
    db
      .select({ clientId: exerciseLogs.clientId, regimenItemId: exerciseLogs.regimenItemId, date: exerciseLogs.logDate, setsDone: exerciseLogs.setsDone })
      .from(exerciseLogs)
      .where(and(eq(exerciseLogs.patientId, patientId), gte(exerciseLogs.logDate, since))),
    db
      .select({ date: dailyCheckins.logDate, pain: dailyCheckins.pain, comment: dailyCheckins.comment })
      .from(dailyCheckins)
      .where(and(eq(dailyCheckins.patientId, patientId), gte(dailyCheckins.logDate, since)))
      .orderBy(asc(dailyCheckins.logDate)),
  ]);
  return { logs, checkins };
}

/**
 * Stores what the patient logged. Each entry carries an id made on the phone, so sending it again after a
 * lost connection changes nothing. Items must belong to the patient's own regimens.
 */
export async function recordPlanLogs(
  db: Db,
  patientId: string,
  input: { entries: Array<{ clientId: string; regimenItemId: string; date: string; setsDone: number }>; checkin?: { date: string; pain: number | null; comment: string } },
  today: string,
) {
  const tooFar = (d: string) => d > addDaysIso(today, 1) || d < addDaysIso(today, -62);
  if (input.entries.some((e) => tooFar(e.date)) || (input.checkin && tooFar(input.checkin.date))) throw new DomainError("invalid", "log_date");
  return db.transaction(async (tx) => {
    if (input.entries.length) {
      const own = await tx
        .select({ id: regimenItems.id })
        .from(regimenItems)
        .innerJoin(regimens, eq(regimens.id, regimenItems.regimenId))
        .where(and(eq(regimens.patientId, patientId), inArray(regimenItems.id, [...new Set(input.entries.map((e) => e.regimenItemId))])));
      const ownIds = new Set(own.map((o) => o.id));
      if (input.entries.some((e) => !ownIds.has(e.regimenItemId))) throw new DomainError("forbidden", "exercise_not_in_plan");
      await tx
        .insert(exerciseLogs)
        .values(input.entries.map((e) => ({ clientId: e.clientId, patientId, regimenItemId: e.regimenItemId, logDate: e.date, setsDone: e.setsDone })))
        .onConflictDoNothing({ target: exerciseLogs.clientId });
    }
    if (input.checkin) {
      await tx
        .insert(dailyCheckins)
        .values({ patientId, logDate: input.checkin.date, pain: input.checkin.pain, comment: input.checkin.comment })
        .onConflictDoUpdate({ target: [dailyCheckins.patientId, dailyCheckins.logDate], set: { pain: input.checkin.pain, comment: input.checkin.comment, updatedAt: sql`now()` } });
    }
    return { stored: input.entries.length };
  });
}

/** Versions as the adherence rules read them: start date, the day each was saved (in the patient's zone), items. */
export function versionsForAdherence(versions: readonly RegimenVersion[], timeZone: string): VersionForAdherence[] {
  return versions.map((v) => ({
    regimenId: v.id,
    version: v.version,
    startDate: v.startDate,
    savedOn: localDate(v.createdAt, timeZone),
    items: v.items.map((i) => ({ id: i.id, exerciseId: i.exerciseId, sets: i.sets, timesPerDay: i.timesPerDay, daysPerWeek: i.daysPerWeek })),
  }));
}

/**
 * The patient's history with one plan (every version of it), for the portal: which exercise each logged
 * item is, and which exercises were asked for on each day shown — so a new version never turns the days
 * before it into "0 done" or "missed".
 */
export async function getPlanHistory(db: DbOrTx, caseId: string, days: readonly string[], timeZone: string) {
  const versions = await listRegimenVersions(db, caseId);
  const itemExercise = Object.fromEntries(versions.flatMap((v) => v.items.map((i) => [i.id, i.exerciseId] as const)));
  return { itemExercise, planDays: planCalendar(versionsForAdherence(versions, timeZone), days) };
}

/** Adherence and pain for a case's regimen lineage, as the practitioner sees it; days in the patient's zone. */
export async function regimenProgress(db: DbOrTx, caseId: string, now: Date = new Date()) {
  const versions = await listRegimenVersions(db, caseId);
  if (!versions.length) return null;
  const first = versions.at(-1)!;
  const timeZone = await patientTimeZone(db, first.patientId, now);
  const today = localDate(now, timeZone);
  const { logs, checkins } = await listPatientLogs(db, first.patientId, first.startDate);
  const adherence = computeAdherence(versionsForAdherence(versions, timeZone), logs, today);
  const names = new Map(versions.flatMap((v) => v.items.map((i) => [i.exerciseId, i.exerciseName] as const)));
  const pains = checkins.filter((c) => c.pain !== null).map((c) => ({ date: c.date, pain: c.pain! }));
  return {
    timeZone,
    today,
    versions,
    weeks: adherence.weeks,
    byExercise: adherence.byExercise.map((e) => ({ ...e, name: names.get(e.exerciseId) ?? e.exerciseId })),
    pains,
    comments: checkins.filter((c) => c.comment),
    reasons: checkInReasons(adherence.weeks, pains),
  };
}

/**
 * Raises a check-in task in the case's queue (an action item for whoever prescribed the plan, or the
 * lead) when adherence stayed under 50% for two weeks or pain rose 2 points; each reason once.
 */
export async function raiseCheckIns(db: Db, caseId: string, now: Date = new Date()): Promise<number> {
  const progress = await regimenProgress(db, caseId, now);
  if (!progress?.reasons.length) return 0;
  const current = progress.versions[0]!;
  const [owner] = await db.select({ id: practitioners.id }).from(practitioners).where(eq(practitioners.userId, current.createdBy)).limit(1);
  const [c] = await db.select({ lead: cases.leadPractitionerId }).from(cases).where(eq(cases.id, caseId));
  const ownerId = owner?.id ?? c?.lead;
  if (!ownerId) return 0;
  const rows = await db
    .insert(actionItems)
    .values(
      progress.reasons.map((r) => ({
        caseId,
        ownerPractitionerId: ownerId,
        description: `Check in with the patient: ${r.text}`,
        dueOn: addDaysIso(progress.today, 2),
        dedupeKey: `checkin:${current.lineageId}:${r.key}`,
      })),
    )
    .onConflictDoNothing({ target: actionItems.dedupeKey })
    .returning({ id: actionItems.id });
  return rows.length;
}

/** Open cases with a current regimen (for the daily check-in sweep). */
export async function casesWithActiveRegimens(db: DbOrTx) {
  return db
    .select({ caseId: regimens.caseId })
    .from(regimens)
    .innerJoin(cases, eq(cases.id, regimens.caseId))
    .where(and(eq(regimens.isCurrent, true), ne(cases.status, "discharged")));
}

export async function listTemplates(db: DbOrTx) {
  return db.select().from(regimenTemplates).orderBy(asc(regimenTemplates.name));
}

export async function listExercises(db: DbOrTx, includeInactive = false) {
  return db
    .select()
    .from(exercises)
    .where(includeInactive ? undefined : eq(exercises.isActive, true))
    .orderBy(asc(exercises.name));
}
