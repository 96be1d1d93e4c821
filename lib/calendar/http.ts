import "server-only";
import { getDb } from "@/db/client";
import { hashToken } from "@/lib/accounts/tokens";
import { DomainError } from "@/lib/errors";
import { clientIp } from "@/lib/http/ip";
import { apiReadLimitPerMinute, enforcePublicLimit } from "@/lib/rate-limit/public";
import { practitionerFeed } from "./feed";

/** Feed reads per token per minute: a calendar app polls every few minutes; more is a leaked URL being scraped. */
const FEED_READS_PER_TOKEN_PER_MINUTE = 10;

/** GET /calendar/<token>.ics: rate limited per address and per token, audited, 404 when not a live feed. */
export async function getCalendarFeed(req: Request, token: string): Promise<Response> {
  const db = getDb();
  await enforcePublicLimit(db, "calendar-feed", clientIp(req.headers), apiReadLimitPerMinute());
  await enforcePublicLimit(db, "calendar-feed-token", hashToken(token).slice(0, 32), FEED_READS_PER_TOKEN_PER_MINUTE);
  const body = await practitionerFeed(db, token);
  if (!body) throw new DomainError("not_found", "calendar");
  return new Response(body, { headers: { "Content-Type": "text/calendar; charset=utf-8", "Cache-Control": "private, no-store" } });
}
