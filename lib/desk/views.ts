import "server-only";
import { getDb } from "@/db/client";
import type { CurrentUser } from "@/lib/auth";
import { recordAuditEvent, recordListRead } from "@/lib/audit";
import { getClinic } from "@/lib/clinic/context";
import type { Discipline } from "@/lib/clinic/disciplines";
import { getPatientForDesk, searchPatients } from "@/lib/patients/queries";
import { addDaysIso, describeTimeZone, isoWeekday, localDate, zonedInstant } from "@/lib/time";
import { eq } from "drizzle-orm";
import { patients } from "@/db/schema";
import { canStaffChangeAppointment } from "@/lib/appointments/policy";
import { loadAppointmentDetails, manageUrl } from "@/lib/booking/facts";
import { getBookingPageData } from "@/lib/booking/views";
import { listPublicPractitioners } from "@/lib/clinic/queries";
import { appBaseUrl } from "@/lib/http/base-url";
import { canEditPatientContact } from "@/lib/patients/policy";
import { pendingRequestsFor } from "@/lib/verification/queries";
import { listCalendar, listDeskRequests, listTodaysVisits } from "./queries";

/**
 * The front desk's pages, one loader each: the page checks the role, the loader reads, filters what the
 * viewer may see and writes the read's audit event (list pages: one event naming every patient shown).
 */

type Viewer = Pick<CurrentUser, "id" | "role">;

export async function getDeskPageData({ viewer }: { viewer: Viewer }) {
  const db = getDb();
  const clinic = await getClinic();
  const [requests, today, practitioners] = await Promise.all([listDeskRequests(db, clinic.settings), listTodaysVisits(db), listPublicPractitioners(db)]);
  await recordListRead(db, {
    actor: viewer,
    view: "desk",
    patientIds: [...requests.map((r) => r.patientId), ...requests.flatMap((r) => r.linkCandidates.map((c) => c.id)), ...today.map((v) => v.patientId)],
  });
  // Move and Cancel: who else offers each service shown.
  const slugs = new Set([...requests.map((r) => r.serviceSlug), ...today.map((v) => v.serviceSlug)]);
  const offeringBySlug = Object.fromEntries([...slugs].map((slug) => [slug, offering(practitioners, slug)]));
  return { requests, today, emergencyNumber: clinic.emergencyNumber, multipleLocations: clinic.locations.length > 1, offeringBySlug };
}

export async function getPatientSearchPageData({ viewer, q }: { viewer: Viewer; q: string }) {
  const db = getDb();
  const results = await searchPatients(db, q);
  if (q) await recordListRead(db, { actor: viewer, view: "desk.patients", patientIds: results.map((r) => r.id) });
  return { results };
}

/**
 * The desk's hub for one patient: contact (editable), visits (upcoming ones with Move and Cancel, and the
 * practitioners offering each one's service), episodes of care, late cancellations and no-shows, and
 * unverified online requests that may be theirs (whose senders are shown too, so they are audited).
 */
export async function getDeskPatientPageData({ viewer, patientId }: { viewer: Viewer; patientId: string }) {
  const db = getDb();
  const now = new Date();
  const data = await getPatientForDesk(db, patientId, now);
  if (!data) return null;
  const [pendingRequests, practitioners] = await Promise.all([data.patient.isProvisional ? [] : pendingRequestsFor(db, data.patient), listPublicPractitioners(db)]);
  await recordAuditEvent(db, { actor: viewer, action: "patient.viewed", patientId, entityType: "patient", entityId: patientId, details: { view: "desk" } });
  if (pendingRequests.length) await recordListRead(db, { actor: viewer, view: "desk.patient.link_requests", patientIds: pendingRequests.map((r) => r.provisionalId) });
  const upcoming = data.visits.filter((v) => canStaffChangeAppointment(viewer, v, now)).reverse();
  const past = data.visits.filter((v) => !upcoming.includes(v));
  return {
    ...data,
    upcoming: upcoming.map((v) => ({ ...v, practitioners: offering(practitioners, v.serviceSlug) })),
    past,
    openCase: data.cases.find((c) => c.status !== "discharged") ?? null,
    pendingRequests,
    canEditContact: canEditPatientContact(viewer, data.patient),
  };
}

/** The practitioners who offer a service (a desk move may go to any of them). */
function offering(practitioners: Awaited<ReturnType<typeof listPublicPractitioners>>, serviceSlug: string) {
  return practitioners.filter((p) => p.services.includes(serviceSlug)).map((p) => ({ id: p.id, name: p.displayName }));
}

/** Desk booking, optionally from a patient's page: the booking page's data and that patient's contact (audited). */
export async function getDeskBookPageData({ viewer, patientId }: { viewer: Viewer; patientId?: string }) {
  const db = getDb();
  const data = await getBookingPageData({ viewer: null });
  if (!patientId) return { ...data, patient: null };
  const [p] = await db
    .select({ id: patients.id, fullName: patients.fullName, email: patients.email, phone: patients.phone, dateOfBirth: patients.dateOfBirth, isProvisional: patients.isProvisional })
    .from(patients)
    .where(eq(patients.id, patientId));
  if (!p || p.isProvisional) return { ...data, patient: null };
  await recordAuditEvent(db, { actor: viewer, action: "patient.viewed", patientId: p.id, entityType: "patient", entityId: p.id, details: { view: "desk.book" } });
  return { ...data, patient: { id: p.id, name: p.fullName, email: p.email, phone: p.phone, dateOfBirth: p.dateOfBirth ?? "" } };
}

/** What the desk just booked (or any appointment it opens): the details and the manage link to send the patient. */
export async function getDeskAppointmentPageData({ viewer, appointmentId }: { viewer: Viewer; appointmentId: string }) {
  const db = getDb();
  const details = await loadAppointmentDetails(db, appointmentId);
  if (!details) return null;
  await recordAuditEvent(db, { actor: viewer, action: "patient.viewed", patientId: details.patientId, entityType: "appointment", entityId: details.id, details: { view: "desk.appointment" } });
  return { details, manageUrl: manageUrl(appBaseUrl(), details.id) };
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
