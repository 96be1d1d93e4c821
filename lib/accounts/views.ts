import "server-only";
import { asc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { locations, practitioners } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth";
import { canManageFeeds, listFeedTokens } from "@/lib/calendar/feed-tokens";
import { describeAccountLink } from "./links";

/** The set-password page: what an emailed link is for, without using it up. */
export function getSetPasswordPageData(token: string) {
  return describeAccountLink(getDb(), token);
}

/** /account: the person's own account; for a practitioner, their calendar feeds (never the tokens). */
export async function getAccountPageData({ viewer }: { viewer: CurrentUser }) {
  const db = getDb();
  const feedsAllowed = canManageFeeds(viewer);
  const [feeds, timeZone] = await Promise.all([listFeedTokens(db, viewer), zoneOfUser(db, viewer)]);
  return { feeds, timeZone, can: { manageFeeds: feedsAllowed } };
}

/** The zone a staff member's own times are shown in: their practitioner location's, else the clinic's first. */
async function zoneOfUser(db: ReturnType<typeof getDb>, viewer: Pick<CurrentUser, "practitionerId">): Promise<string> {
  if (viewer.practitionerId) {
    const [row] = await db
      .select({ timeZone: locations.timeZone })
      .from(practitioners)
      .innerJoin(locations, eq(locations.id, practitioners.locationId))
      .where(eq(practitioners.id, viewer.practitionerId));
    if (row) return row.timeZone;
  }
  const [first] = await db.select({ timeZone: locations.timeZone }).from(locations).orderBy(asc(locations.createdAt), asc(locations.id)).limit(1);
  return first?.timeZone ?? "UTC";
}
