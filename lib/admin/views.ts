import "server-only";
import { getClinic, practitionerTimeZone } from "@/lib/clinic/context";
import { listUpcomingClosures, listUpcomingTimeOff, listUpcomingTimeOffSeries } from "@/lib/clinic/time-off";
import { localDate } from "@/lib/time";
import { getDb } from "@/db/client";
import type { CurrentUser } from "@/lib/auth";
import { listInvitations } from "@/lib/accounts/links";
import { listUsers } from "@/lib/accounts/queries";
import { recordAuditEvent, recordListRead } from "@/lib/audit";
import { listAuditEvents, type AuditFilters } from "@/lib/audit/queries";
import { getClinicSettings } from "@/lib/cases/settings";
import { getPractitioner, getService, listLocations, listPractitionersForAdmin, listServicesForAdmin, listWorkingHours } from "@/lib/clinic/queries";
import { listOutbox } from "@/lib/notifications/outbox";
import { listRoomsWithUpcoming } from "@/lib/rooms/queries";

/** The admin's pages: one loader each. Pages that show patients' data (audit trail, outbox) audit the read. */

type Viewer = Pick<CurrentUser, "id" | "role">;

const clinicZone = async () => (await listLocations(getDb()))[0]?.timeZone ?? "UTC";

export async function getAdminHomeData() {
  const db = getDb();
  const [services, practitioners, users] = await Promise.all([listServicesForAdmin(db), listPractitionersForAdmin(db), listUsers(db)]);
  return { services, practitioners, users };
}

export async function getServicesPageData() {
  return { services: await listServicesForAdmin(getDb()) };
}

export async function getServicePageData({ serviceId }: { serviceId: string }) {
  return getService(getDb(), serviceId);
}

export async function getPractitionersPageData() {
  const db = getDb();
  const [practitioners, services, clinic] = await Promise.all([listPractitionersForAdmin(db), listServicesForAdmin(db), getClinic()]);
  return {
    practitioners,
    hours: await listWorkingHours(
      db,
      practitioners.map((p) => p.id),
    ),
    // For the "add a practitioner" form.
    services: services.filter((s) => s.isActive).map((s) => ({ id: s.id, name: s.name, discipline: s.discipline })),
    locations: clinic.locations.map((l) => ({ id: l.id, name: l.name })),
    // Hours "in force" on the main location's date.
    today: localDate(new Date(), clinic.timeZone),
  };
}

/**
 * Booked appointments inside time off or a closure, without who the patients are (admins do not need
 * them here; the desk calendar, where they are moved, shows and audits them).
 */
const withoutPatients = <T extends { inside: Array<{ id: string; startsAt: Date; timeZone: string; serviceName: string; practitionerName: string; locationId: string }> }>(rows: T[]) =>
  rows.map((r) => ({
    ...r,
    inside: r.inside.map((a) => ({ id: a.id, startsAt: a.startsAt, timeZone: a.timeZone, serviceName: a.serviceName, practitionerName: a.practitionerName, locationId: a.locationId })),
  }));

export async function getLocationsPageData() {
  const db = getDb();
  const [clinic, closures, rooms] = await Promise.all([getClinic(), listUpcomingClosures(db), listRoomsWithUpcoming(db)]);
  // Rooms: each inactive one with the booked appointments still holding it (times and services only).
  return { locations: clinic.locations, closures: withoutPatients(closures), rooms: withoutPatients(rooms) };
}

export async function getPractitionerPageData({ practitionerId }: { practitionerId: string }) {
  const db = getDb();
  const [practitioner, locations, hours, timeOff, timeOffZone] = await Promise.all([
    getPractitioner(db, practitionerId),
    listLocations(db),
    listWorkingHours(db, [practitionerId]),
    listUpcomingTimeOff(db, practitionerId),
    practitionerTimeZone(db, practitionerId),
  ]);
  // Time off is entered and shown on the clock the command reads it on (lib/clinic/time-off).
  if (!practitioner) return null;
  const timeOffSeries = await listUpcomingTimeOffSeries(db, practitionerId, timeOffZone);
  return { practitioner, locations, hours, timeOff: withoutPatients(timeOff), timeOffSeries: withoutPatients(timeOffSeries), timeOffZone };
}

export async function getSettingsPageData() {
  return getClinicSettings(getDb());
}

/** Accounts include patients' (name and email): the list audits the patients it shows. */
export async function getUsersPageData({ viewer }: { viewer: Viewer }) {
  const db = getDb();
  const [users, invitations, locations] = await Promise.all([listUsers(db), listInvitations(db), listLocations(db)]);
  await recordListRead(db, { actor: viewer, view: "admin.users", patientIds: users.flatMap((u) => (u.patientId ? [u.patientId] : [])) });
  return { users, invitations, locations, timeZone: locations[0]?.timeZone ?? "UTC" };
}

export async function getAuditPageData({ viewer, filters }: { viewer: Viewer; filters: AuditFilters }) {
  const db = getDb();
  const result = await listAuditEvents(db, filters);
  await recordAuditEvent(db, { actor: viewer, action: "audit.viewed", details: { filters: Object.keys(filters).filter((k) => filters[k as keyof typeof filters]) } });
  return { ...result, timeZone: await clinicZone() };
}

/** Emails carry names, times and links: showing them is a read of those patients' data. */
export async function getOutboxPageData({ viewer }: { viewer: Viewer }) {
  const db = getDb();
  const emails = await listOutbox(db);
  await recordListRead(db, { actor: viewer, view: "admin.outbox", patientIds: emails.flatMap((e) => (e.patientId ? [e.patientId] : [])) });
  return { emails, timeZone: await clinicZone() };
}
