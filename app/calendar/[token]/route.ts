import { getCalendarFeed } from "@/lib/calendar/http";
import { apiRoute } from "@/lib/http/api";

export const dynamic = "force-dynamic";

/** A practitioner's private iCal feed (created and revoked on /account). */
export const GET = apiRoute(async (req, { params }: { params: Promise<{ token: string }> }) => getCalendarFeed(req, (await params).token));
