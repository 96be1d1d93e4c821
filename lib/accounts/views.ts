import "server-only";
import { getDb } from "@/db/client";
import type { CurrentUser } from "@/lib/auth";
import { canManageFeeds, listFeedTokens } from "@/lib/calendar/feed-tokens";
import { getClinic, practitionerTimeZone } from "@/lib/clinic/context";
import { describeAccountLink } from "./links";

/** The set-password page: what an emailed link is for, without using it up. */
export function getSetPasswordPageData(token: string) {
  return describeAccountLink(getDb(), token);
}

/** /account: the person's own account; for a practitioner, their calendar feeds (never the tokens). */
export async function getAccountPageData({ viewer }: { viewer: CurrentUser }) {
  const db = getDb();
  const feedsAllowed = canManageFeeds(viewer);
  const [feeds, timeZone] = await Promise.all([listFeedTokens(db, viewer), viewer.practitionerId ? practitionerTimeZone(db, viewer.practitionerId) : getClinic().then((c) => c.timeZone)]);
  return { feeds, timeZone, can: { manageFeeds: feedsAllowed } };
}
