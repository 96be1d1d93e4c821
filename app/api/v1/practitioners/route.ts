import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { listPublicPractitioners } from "@/lib/clinic/queries";
import { apiRoute } from "@/lib/http/api";
import { clientIp } from "@/lib/http/ip";
import { apiReadLimitPerMinute, enforcePublicLimit } from "@/lib/rate-limit/public";

export const dynamic = "force-dynamic";

/** Public: who works here and which services each offers. */
export const GET = apiRoute(async (req) => {
  await enforcePublicLimit(getDb(), "api-read", clientIp(req.headers), apiReadLimitPerMinute());
  const practitioners = await listPublicPractitioners(getDb());
  return NextResponse.json(practitioners.map((p) => ({ id: p.id, name: p.displayName, discipline: p.discipline, services: p.services })));
});
