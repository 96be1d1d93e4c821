import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { MAX_RANGE_DAYS, getPublicFreeSlots } from "@/lib/availability";
import { SlotsQuerySchema } from "@/lib/booking/schemas";
import { presentSlot } from "@/lib/booking/present";
import { apiRoute } from "@/lib/http/api";
import { DomainError } from "@/lib/errors";
import { clientIp } from "@/lib/http/ip";
import { apiReadLimitPerMinute, enforcePublicLimit } from "@/lib/rate-limit/public";
import { addDaysIso } from "@/lib/time";

export const dynamic = "force-dynamic";

/** Public: free start times of a service, for one practitioner or "first available". */
export const GET = apiRoute(async (req) => {
  await enforcePublicLimit(getDb(), "api-read", clientIp(req.headers), apiReadLimitPerMinute());
  const params = Object.fromEntries(new URL(req.url).searchParams);
  const query = SlotsQuerySchema.parse(params);
  if (query.to > addDaysIso(query.from, MAX_RANGE_DAYS - 1)) {
    throw new DomainError("range_too_long", "default", { params: { days: MAX_RANGE_DAYS } });
  }
  const result = await getPublicFreeSlots(getDb(), { serviceSlug: query.service, practitionerId: query.practitioner, from: query.from, to: query.to });
  if (!result.service) throw new DomainError("unknown_service");
  return NextResponse.json(
    { timeZone: result.timeZone, slots: result.slots.map((s) => presentSlot(s, result.timeZone)) },
    { headers: { "Cache-Control": "no-store" } },
  );
});
