import "server-only";
import { getDb, type Db } from "@/db/client";
import type { CurrentUser } from "@/lib/auth";
import { recordAuditEvent, recordListRead } from "@/lib/audit";
import { getClinic } from "@/lib/clinic/context";
import type { Discipline } from "@/lib/clinic/disciplines";
import { getPatientForDesk, searchPatients } from "@/lib/patients/queries";
import { addDaysIso, describeTimeZone, formatDateTime, isoWeekday, localDate, zonedInstant } from "@/lib/time";
import { eq } from "drizzle-orm";
import { patients } from "@/db/schema";
import { canStaffChangeAppointment } from "@/lib/appointments/policy";
import type { AppointmentStatus } from "@/lib/appointments/status";
import { loadAppointmentDetails, manageUrl } from "@/lib/booking/facts";
import { getBookingPageData } from "@/lib/booking/views";
import { listPublicPractitioners, listPublicServices } from "@/lib/clinic/queries";
import { canBookSeries } from "@/lib/series/policy";
import { appBaseUrl } from "@/lib/http/base-url";
import { canEditPatientContact } from "@/lib/patients/policy";
import { pendingRequestsFor } from "@/lib/verification/queries";
import { listDeskRequests, listTodaysVisits } from "./queries";
import { buildDayGrid, buildWeekGrid, type GridBy } from "./grid";
import { loadGridData } from "./grid-load";

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

/** A free time the desk chose on the grid, carried through the patient search to booking. */
export interface GridSlot {
  start: string;
  practitionerId?: string;
  locationId?: string;
}

export async function getPatientSearchPageData({ viewer, q, slot }: { viewer: Viewer; q: string; slot?: GridSlot }) {
  const db = getDb();
  const results = await searchPatients(db, q);
  if (q) await recordListRead(db, { actor: viewer, view: "desk.patients", patientIds: results.map((r) => r.id) });
  return { results, booking: slot ? await describeGridSlot(db, slot) : null };
}

/** "Wed, Dec 9, 2026, 10:00 AM EST with Dr. Maya Patel" and the query that carries the slot to /desk/book. */
async function describeGridSlot(db: Db, slot: GridSlot) {
  const [clinic, practitioners] = await Promise.all([getClinic(db), slot.practitionerId ? listPublicPractitioners(db) : Promise.resolve([])]);
  const location = clinic.locations.find((l) => l.id === slot.locationId) ?? clinic.locations[0];
  const practitioner = practitioners.find((p) => p.id === slot.practitionerId) ?? null;
  const query = new URLSearchParams({ start: slot.start, ...(location ? { location: location.id } : {}), ...(practitioner ? { practitioner: practitioner.id } : {}) });
  return {
    label: `${formatDateTime(new Date(slot.start), location?.timeZone ?? "UTC")}${practitioner ? ` with ${practitioner.displayName}` : ""}${clinic.locations.length > 1 && location ? ` at ${location.name}` : ""}`,
    query: query.toString(),
  };
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
  // The desk books a plan of care (for the open case) and puts the patient on the waitlist from here.
  const mayBook = !data.patient.isProvisional && canBookSeries(viewer);
  const [pendingRequests, practitioners, services] = await Promise.all([
    data.patient.isProvisional ? [] : pendingRequestsFor(db, data.patient),
    listPublicPractitioners(db),
    mayBook ? listPublicServices(db) : Promise.resolve([]),
  ]);
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
    /** Services and who offers each, for "Book a plan of care" and "Put on the waitlist"; null when not allowed. */
    booking: mayBook
      ? {
          services: services.map((s) => ({ slug: s.slug, name: s.name })),
          practitioners: practitioners.map((p) => ({ id: p.id, name: p.displayName, services: p.services })),
          waitUntil: addDaysIso(localDate(now, "UTC"), 30),
        }
      : null,
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

/**
 * The scheduler grid for one location (the main one unless asked): a day (rows of times against a
 * column per practitioner or room) or a week (a row per practitioner or room against the days), on the
 * location's clock. One statement loads the grid (lib/desk/grid-load.ts); the read is audited naming
 * every patient shown. Each appointment comes with who else offers its service (the grid's Move).
 */
export async function getDeskCalendarPageData({
  viewer,
  date,
  view,
  by = "practitioner",
  discipline,
  practitionerId,
  locationId,
  now = new Date(),
  db = getDb(),
}: {
  viewer: Viewer;
  date?: string;
  view: "day" | "week";
  by?: GridBy;
  discipline?: Discipline;
  practitionerId?: string;
  locationId?: string;
  now?: Date;
  db?: Db;
}) {
  const { locations } = await getClinic(db);
  const location = locations.find((l) => l.id === locationId) ?? locations[0];
  if (!location) return null;
  const timeZone = location.timeZone;
  const day = date ?? localDate(now, timeZone);
  const start = view === "week" ? addDaysIso(day, 1 - isoWeekday(day)) : day;
  const days = view === "week" ? Array.from({ length: 7 }, (_, i) => addDaysIso(start, i)) : [day];
  const [data, practitioners] = await Promise.all([
    loadGridData(db, {
      locationId: location.id,
      from: zonedInstant(days[0]!, "00:00", timeZone),
      to: zonedInstant(addDaysIso(days.at(-1)!, 1), "00:00", timeZone),
      fromDate: days[0]!,
      toDate: days.at(-1)!,
      discipline,
      practitionerId,
    }),
    // Who works here, for the filter, and who could take a moved visit (the day view's moves): the week,
    // unfiltered, already has everyone with hours here from the grid's own load.
    view === "day" || discipline || practitionerId ? listPublicPractitioners(db) : Promise.resolve(null),
  ]);
  await recordListRead(db, { actor: viewer, view: `desk.calendar.${view}`, patientIds: data.appointments.map((a) => a.patientId) });
  const slugs = view === "day" && practitioners ? new Set(data.appointments.map((a) => a.serviceSlug)) : new Set<string>();
  const offeringBySlug = Object.fromEntries([...slugs].map((slug) => [slug, offering(practitioners!, slug)]));
  const practitionersHere = practitioners
    ? practitioners.filter((p) => p.locationIds.includes(location.id)).map((p) => ({ id: p.id, name: p.displayName }))
    : data.practitioners.map((p) => ({ id: p.id, name: p.name }));
  return {
    locations,
    location,
    timeZone,
    timeZoneLabel: describeTimeZone(timeZone, zonedInstant(day, "12:00", timeZone)),
    day,
    start,
    days,
    by,
    practitionersHere,
    offeringBySlug,
    canChange: (a: { start: Date; status: AppointmentStatus }) => canStaffChangeAppointment(viewer, { startsAt: a.start, status: a.status }, now),
    dayGrid: view === "day" ? buildDayGrid(data, { date: day, timeZone, by, now }) : null,
    weekGrid: view === "week" ? buildWeekGrid(data, { days, timeZone, by, now }) : null,
  };
}
