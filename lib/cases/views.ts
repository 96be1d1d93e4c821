import "server-only";
import { listPublicPractitioners, listPublicServices } from "@/lib/clinic/queries";
import { canBookSeries } from "@/lib/series/policy";
import { getDb } from "@/db/client";
import type { CurrentUser } from "@/lib/auth";
import { recordListRead } from "@/lib/audit";
import { listPractitionerOptions } from "@/lib/conference/conference";
import { patientTimeZone } from "@/lib/patients/zone";
import { canDischargeCase } from "@/lib/red-flags/policy";
import { canEditRegimen, regimenProgress } from "@/lib/regimens/regimens";
import { nextReferralStatuses } from "@/lib/referrals/referrals";
import { canAssignLead, canCompleteActionItem, canEditNote, canWriteClinical } from "./policy";
import { listPractitionerDay } from "./my-day";
import { countCasesByStatus, listCaseQueue, listMyActions } from "./queue";
import type { QueueFilters } from "./schemas";
import { nextStatuses } from "./transitions";
import { viewCase } from "./view";
import { canSeeActionText, RESTRICTED_ACTION } from "./visibility";

export type CasePageData = NonNullable<Awaited<ReturnType<typeof getCasePageData>>>;

/** The clinicians' pages: one loader each, which reads, filters for the viewer and audits the read. */

export async function getQueuePageData({ viewer, filters }: { viewer: CurrentUser; filters: QueueFilters }) {
  const db = getDb();
  const me = { practitionerId: viewer.practitionerId };
  const [queue, counts, actions, day] = await Promise.all([
    listCaseQueue(db, filters, me),
    countCasesByStatus(db, filters, me),
    viewer.practitionerId ? listMyActions(db, viewer.practitionerId) : Promise.resolve([]),
    viewer.practitionerId ? listPractitionerDay(db, viewer.practitionerId) : Promise.resolve([]),
  ]);
  await recordListRead(db, { actor: viewer, view: "cases.queue", patientIds: [...day.map((v) => v.patientId), ...queue.rows.map((r) => r.patientId), ...actions.map((a) => a.patientId)] });
  return { queue, counts, actions, day };
}

/**
 * One case as the viewer may see it (restricted viewers: the precaution card, their own notes and
 * actions; no patient comments), with what the viewer may do on it — the same policies the commands
 * enforce. Writes one audit event.
 */
export async function getCasePageData({ viewer, caseId }: { viewer: CurrentUser; caseId: string }) {
  const db = getDb();
  const record = await viewCase(db, caseId, viewer);
  if (!record) return null;
  const c = record.case;
  // The case's times in its patient's zone (their visits' location); each visit in its own (requests card).
  const bookSeries = canBookSeries(viewer) && c.status !== "discharged";
  const [practitioners, progress, timeZone, seriesServices, seriesPractitioners] = await Promise.all([
    listPractitionerOptions(db),
    regimenProgress(db, c.id),
    patientTimeZone(db, c.patientId),
    bookSeries ? listPublicServices(db) : Promise.resolve([]),
    bookSeries ? listPublicPractitioners(db) : Promise.resolve([]),
  ]);
  const mayDischarge = canDischargeCase(viewer, record.flags);
  const writes = canWriteClinical(viewer);
  return {
    record: {
      ...record,
      notes: record.notes.map((n) => ({ ...n, canEdit: canEditNote(viewer, n) })),
      actions: record.actions.map((a) => ({ ...(canSeeActionText(viewer, a) ? a : { ...a, description: RESTRICTED_ACTION }), canComplete: canCompleteActionItem(viewer, a) })),
      referrals: record.referrals.map((r) => ({ ...r, statusChoices: writes ? nextReferralStatuses(r.status) : [] })),
    },
    timeZone,
    practitioners,
    progress: progress && record.restricted ? { ...progress, comments: [] } : progress,
    /** Booking a plan of care as a series (issue 13): the services and who offers each; null when not allowed. */
    series: bookSeries
      ? {
          services: seriesServices.map((s) => ({ slug: s.slug, name: s.name })),
          practitioners: seriesPractitioners.map((p) => ({ id: p.id, name: p.displayName, services: p.services })),
        }
      : null,
    can: {
      editRegimen: canEditRegimen(viewer, { leadPractitionerId: c.leadPractitionerId, disciplines: c.disciplines }),
      assignLead: canAssignLead(viewer, c),
      discharge: mayDischarge,
      statusChoices: nextStatuses(c.status).filter((s) => s !== "discharged" || mayDischarge),
      /** Would closing be offered were the serious flags cleared (to say why it is not). */
      dischargeWithheld: nextStatuses(c.status).includes("discharged") && !mayDischarge,
      writeClinical: writes,
      nominate: writes && c.status !== "discharged",
    },
  };
}
