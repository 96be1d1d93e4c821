import "server-only";
import { appointmentRows } from "@/lib/appointments/joined";
import { and, eq, gte, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { appointments } from "@/db/schema";
import { recordListRead } from "@/lib/audit";
import { resolveFeedToken } from "./feed-tokens";
import { formatDateTime } from "@/lib/time";
import { scheduleIcs } from "./ics";

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
 * back, each with the service and the patient's initials only. Null for a token that is unknown or
 * revoked, or whose practitioner has left. Each read is audited as a list read naming the patients in it.
 */
export async function practitionerFeed(db: DbOrTx, token: string): Promise<string | null> {
  const feed = await resolveFeedToken(db, token.replace(/\.ics$/, ""));
  if (!feed) return null;
  const practitionerId = feed.practitionerId;
  const rows = await appointmentRows(db)
    .where(and(eq(appointments.practitionerId, practitionerId), inArray(appointments.status, ["requested", "confirmed"]), gte(appointments.startsAt, sql`now() - interval '30 days'`)))
    .orderBy(appointments.startsAt)
    .limit(2000);
  await recordListRead(db, { actor: { id: feed.userId, role: "practitioner" }, view: `calendar.feed:${feed.tokenId}`, patientIds: rows.map((r) => r.patientId) });
  return scheduleIcs(
    `Backline — ${feed.practitionerName}`,
    rows.map((r) => ({
      id: r.id,
      startsAt: r.startsAt,
      endsAt: r.endsAt,
      status: r.status,
      updatedAt: r.updatedAt,
      summary: `${r.serviceName} — ${initials(r.patientName)}${r.status === "requested" ? " (request)" : ""}`,
      location: `${r.locationName}, ${r.locationAddress}`,
      description: `${formatDateTime(r.startsAt, r.timeZone)} local time at ${r.locationName}`,
    })),
  );
}
