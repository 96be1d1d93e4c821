import "server-only";
import { getDb } from "@/db/client";
import type { CurrentUser } from "@/lib/auth";
import { listPatientAppointments } from "@/lib/appointments/queries";
import { manageToken } from "@/lib/booking/facts";
import { recordAuditEvent } from "@/lib/audit";
import { listAccessToPatient } from "@/lib/audit/queries";
import { mondayOf } from "@/lib/regimens/adherence";
import { getPatientPlans, getPlanHistory, listPatientLogs } from "@/lib/regimens/regimens";
import { patientTimeZone } from "@/lib/patients/zone";
import { listPatientPlans } from "@/lib/series/views";
import { addDaysIso, localDate } from "@/lib/time";

/**
 * The patient portal's pages: the patient reads only their own record, and those reads are audited like
 * anyone else's (they do not show in the patient's own "who looked at my record", which lists others).
 */

type PatientViewer = Pick<CurrentUser, "id" | "role" | "name" | "patientId">;

/** /portal: today's exercises (two weeks back and this week), the appointments coming up and past. */
export async function getPortalPageData({ viewer }: { viewer: PatientViewer }) {
  if (viewer.role !== "patient" || !viewer.patientId) return null;
  const db = getDb();
  const patientId = viewer.patientId;
  const timeZone = await patientTimeZone(db, patientId);
  const today = localDate(new Date(), timeZone);
  const [{ upcoming, past }, plans, { logs, checkins }, carePlans] = await Promise.all([
    listPatientAppointments(db, patientId),
    getPatientPlans(db, patientId),
    listPatientLogs(db, patientId, addDaysIso(today, -28)),
    listPatientPlans(db, patientId),
  ]);
  // Each open appointment links to its own page (the manage link the patient was emailed): cancel, move,
  // accept a proposed time and add to a calendar there, under the same rules as from the email.
  const changeable = upcoming.map((a) => ({ ...a, managePath: a.status === "requested" || a.status === "confirmed" ? `/manage/${manageToken(a.id)}` : null }));
  // Visits of a plan of care show together, under their plan; the rest stay in the one list.
  const inPlan = new Set(carePlans.map((p) => p.seriesId));
  const shownDays: string[] = [];
  for (let d = addDaysIso(today, -14); d < addDaysIso(mondayOf(today), 7); d = addDaysIso(d, 1)) shownDays.push(d);
  const histories = await Promise.all(plans.map((p) => getPlanHistory(db, p.caseId, shownDays, timeZone)));
  await recordAuditEvent(db, { actor: viewer, action: "portal.viewed", patientId, entityType: "patient", entityId: patientId });
  return {
    patientId,
    today,
    timeZone,
    upcoming: changeable.filter((a) => !a.seriesId || !inPlan.has(a.seriesId)),
    carePlans: carePlans.map((p) => ({ ...p, visits: changeable.filter((a) => a.seriesId === p.seriesId) })),
    // Times the clinic proposed, waiting for the patient: shown at the top, accepted on the appointment's page.
    proposals: changeable.filter((a) => a.proposedStartsAt && a.managePath),
    past,
    plans: plans.map((p, n) => ({
      ...p,
      // Every version's logs: what was done under an earlier version is still the patient's history.
      logs: logs.filter((l) => l.regimenItemId in histories[n]!.itemExercise),
      itemExercise: histories[n]!.itemExercise,
      planDays: histories[n]!.planDays,
    })),
    checkins,
  };
}

/** /portal/access: who at the clinic opened or changed the record, in the patient's zone. */
export async function getPortalAccessData({ viewer }: { viewer: PatientViewer }) {
  if (viewer.role !== "patient" || !viewer.patientId) return { events: [], timeZone: "UTC" };
  const db = getDb();
  const [events, timeZone] = await Promise.all([listAccessToPatient(db, viewer.patientId, viewer.id), patientTimeZone(db, viewer.patientId)]);
  await recordAuditEvent(db, { actor: viewer, action: "portal.access_log_viewed", patientId: viewer.patientId, entityType: "patient", entityId: viewer.patientId });
  return { events, timeZone };
}

/** /portal/plan/print: the current plans, as a sheet. */
export async function getPortalPrintData({ viewer }: { viewer: PatientViewer }) {
  if (viewer.role !== "patient" || !viewer.patientId) return [];
  const db = getDb();
  const plans = await getPatientPlans(db, viewer.patientId);
  if (plans.length) await recordAuditEvent(db, { actor: viewer, action: "regimen.printed", patientId: viewer.patientId, entityType: "patient", entityId: viewer.patientId });
  return plans;
}
