import { getDb } from "@/db/client";
import { practitionerFeed } from "@/lib/calendar/feed";
import { apiRoute, errorResponse } from "@/lib/http/api";
import { DomainError } from "@/lib/errors";

export const dynamic = "force-dynamic";

/** Gated by the practitioner's private feed token (shown on /cases): their schedule as iCal. */
export const GET = apiRoute(async (_req, { params }: { params: Promise<{ token: string }> }) => {
  const { token } = await params;
  const body = await practitionerFeed(getDb(), token);
  if (!body) return errorResponse(new DomainError("not_found", "calendar"));
  return new Response(body, { headers: { "Content-Type": "text/calendar; charset=utf-8", "Cache-Control": "private, no-store" } });
});
