import "server-only";
import { getDb } from "@/db/client";
import type { CurrentUser } from "@/lib/auth";
import { recordAuditEvent, recordListRead } from "@/lib/audit";
import { getClinic } from "@/lib/clinic/context";
import type { Discipline } from "@/lib/clinic/disciplines";
import { getPatientForDesk, searchPatients } from "@/lib/patients/queries";
import { addDaysIso, describeTimeZone, isoWeekday, localDate, zonedInstant } from "@/lib/time";
import { listCalendar, listDeskRequests, listTodaysVisits } from "./queries";

/**
 * The front desk's pages, one loader each: the page checks the role, the loader reads, filters what the
 * viewer may see and writes the read's audit event (list pages: one event naming every patient shown).
 */

type Viewer = Pick<CurrentUser, "id" | "role">;


export async function getDeskPageData({ viewer }: { viewer: Viewer }) {
  const db = getDb();
  const clinic = await getClinic();
  const [requests, today] = await Promise.all([listDeskRequests(db, clinic.settings), listTodaysVisits(db)]);
  await recordListRead(db, {
    actor: viewer,
    view: "desk",
    patientIds: [...requests.map((r) => r.patientId), ...requests.flatMap((r) => r.linkCandidates.map((c) => c.id)), ...today.map((v) => v.patientId)],
  });
  return { requests, today, emergencyNumber: clinic.emergencyNumber, multipleLocations: clinic.locations.length > 1 };
}

export async function getPatientSearchPageData({ viewer, q }: { viewer: Viewer; q: string }) {
  const db = getDb();
  const results = await searchPatients(db, q);
  if (q) await recordListRead(db, { actor: viewer, view: "desk.patients", patientIds: results.map((r) => r.id) });
  return { results };
}

export async function getDeskPatientPageData({ viewer, patientId }: { viewer: Viewer; patientId: string }) {
  const db = getDb();
  const data = await getPatientForDesk(db, patientId);
  if (!data) return null;
  await recordAuditEvent(db, { actor: viewer, action: "patient.viewed", patientId, entityType: "patient", entityId: patientId, details: { view: "desk" } });
  return data;
}

export async function getDeskCalendarPageData({ viewer, date, view, discipline, locationId }: { viewer: Viewer; date?: string; view: "day" | "week"; discipline?: Discipline; locationId?: string }) {
  const db = getDb();
  // One location at a time (the main one unless asked): the time axis is that location's zone.
  const { locations } = await getClinic();
  const location = locations.find((l) => l.id === locationId) ?? locations[0];
  const timeZone = location?.timeZone ?? "UTC";
  const day = date ?? localDate(new Date(), timeZone);
  const start = view === "week" ? addDaysIso(day, 1 - isoWeekday(day)) : day;
  const days = view === "week" ? Array.from({ length: 7 }, (_, i) => addDaysIso(start, i)) : [day];
  const items = await listCalendar(db, { from: zonedInstant(days[0]!, "00:00", timeZone), to: zonedInstant(addDaysIso(days.at(-1)!, 1), "00:00", timeZone), discipline, locationId: location?.id });
  await recordListRead(db, { actor: viewer, view: `desk.calendar.${view}`, patientIds: items.map((i) => i.patientId) });
  return { locations, locationId: location?.id ?? null, timeZone, timeZoneLabel: describeTimeZone(timeZone), day, start, days, items };
}
