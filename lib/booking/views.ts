import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { patients } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth";
import { getClinic } from "@/lib/clinic/context";
import { listPublicPractitioners, listPublicServices } from "@/lib/clinic/queries";
import { serviceGroupOf } from "@/lib/clinic/disciplines";
import { describeTimeZone } from "@/lib/time";
import { checkPublicLimit } from "@/lib/rate-limit/public";
import { recordAuditEvent } from "@/lib/audit";
import { resolveManageToken } from "./manage";

/**
 * What the booking flow needs (/book and the desk's booking by phone): services, practitioners, the zone
 * times are shown in, and for a signed-in patient their own contact details (read-only on the form).
 */
export async function getBookingPageData({ viewer }: { viewer: Pick<CurrentUser, "patientId" | "role"> | null }) {
  const db = getDb();
  const [services, practitioners, clinic] = await Promise.all([listPublicServices(db), listPublicPractitioners(db), getClinic()]);
  let contact: { name: string; email: string; phone: string; dateOfBirth: string } | null = null;
  if (viewer?.role === "patient" && viewer.patientId) {
    const [p] = await db.select().from(patients).where(eq(patients.id, viewer.patientId));
    if (p) contact = { name: p.fullName, email: p.email, phone: p.phone, dateOfBirth: p.dateOfBirth ?? "" };
  }
  return {
    services: services.map((s) => ({ slug: s.slug, name: s.name, description: s.description, durationMinutes: s.durationMinutes, needsReview: s.needsReview, group: serviceGroupOf(s.discipline) })),
    practitioners: practitioners.map((p) => ({ id: p.id, name: p.displayName, credentials: p.credentials, services: p.services, locationIds: p.locationIds })),
    // Only locations where someone works (a new location with no hours yet is not offered).
    locations: clinic.locations
      .filter((l) => practitioners.some((p) => p.locationIds.includes(l.id)) || clinic.locations.length === 1)
      .map((l) => ({ id: l.id, name: l.name, timeZone: l.timeZone, timeZoneLabel: describeTimeZone(l.timeZone) })),
    emergencyNumber: clinic.emergencyNumber,
    contact,
  };
}

/**
 * The manage page, for whoever holds the link: rate limited per address; null when the link is not
 * genuine or the appointment is over. It shows the appointment, never the patient record's name.
 */
export async function getManagePageData({ token, ip }: { token: string; ip: string }) {
  const db = getDb();
  const { emergencyNumber } = await getClinic();
  if (!(await checkPublicLimit(db, "manage", ip)).ok) return { limited: true as const, state: null, emergencyNumber };
  const state = await resolveManageToken(db, token);
  if (state) await recordAuditEvent(db, { actor: null, action: "appointment.viewed_by_link", patientId: state.details.patientId, entityType: "appointment", entityId: state.details.id });
  return { limited: false as const, state, emergencyNumber };
}
