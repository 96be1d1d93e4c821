import "server-only";
import { and, eq, gte, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { appointments, locations, patients, practitioners, services } from "@/db/schema";
import { signId, verifySignedId } from "@/lib/secrets";
import { scheduleIcs } from "./ics";

export const FEED_PURPOSE = "practitioner-calendar-feed";
export const feedPath = (practitionerId: string) => `/calendar/${signId(FEED_PURPOSE, practitionerId)}.ics`;

/** "Ana Souza" → "A. S.": calendar apps sync feeds to third parties, so no full names there. */
export function initials(fullName: string): string {
  return fullName
    .split(/\s+/)
    .filter(Boolean)
    .map((part) => `${part[0]!.toUpperCase()}.`)
    .join(" ");
}

/**
 * A practitioner's private iCal subscription: their requested and confirmed appointments from 30 days
 * back, each with the service and the patient's initials only.
 */
export async function practitionerFeed(db: DbOrTx, token: string): Promise<string | null> {
  const practitionerId = verifySignedId(FEED_PURPOSE, token.replace(/\.ics$/, ""));
  if (!practitionerId) return null;
  // A practitioner who has left (deactivated) no longer publishes a calendar, whoever still has the link.
  const [p] = await db.select({ name: practitioners.displayName }).from(practitioners).where(and(eq(practitioners.id, practitionerId), eq(practitioners.isActive, true)));
  if (!p) return null;
  const rows = await db
    .select({
      id: appointments.id,
      startsAt: appointments.startsAt,
      endsAt: appointments.endsAt,
      status: appointments.status,
      updatedAt: appointments.updatedAt,
      serviceName: services.name,
      patientName: patients.fullName,
      locationName: locations.name,
      locationAddress: locations.address,
    })
    .from(appointments)
    .innerJoin(services, eq(services.id, appointments.serviceId))
    .innerJoin(patients, eq(patients.id, appointments.patientId))
    .innerJoin(locations, eq(locations.id, appointments.locationId))
    .where(and(eq(appointments.practitionerId, practitionerId), inArray(appointments.status, ["requested", "confirmed"]), gte(appointments.startsAt, sql`now() - interval '30 days'`)))
    .orderBy(appointments.startsAt)
    .limit(2000);
  return scheduleIcs(
    `Backline — ${p.name}`,
    rows.map((r) => ({
      id: r.id,
      startsAt: r.startsAt,
      endsAt: r.endsAt,
      status: r.status,
      updatedAt: r.updatedAt,
      summary: `${r.serviceName} — ${initials(r.patientName)}${r.status === "requested" ? " (request)" : ""}`,
      location: `${r.locationName}, ${r.locationAddress}`,
    })),
  );
}
