import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { listPublicServices } from "@/lib/clinic/queries";
import { apiRoute } from "@/lib/http/api";
import { clientIp } from "@/lib/http/ip";
import { apiReadLimitPerMinute, enforcePublicLimit } from "@/lib/rate-limit/public";

export const dynamic = "force-dynamic";

/** Public: the services patients can book online. */
export const GET = apiRoute(async (req) => {
  await enforcePublicLimit(getDb(), "api-read", clientIp(req.headers), apiReadLimitPerMinute());
  const services = await listPublicServices(getDb());
  return NextResponse.json(
    services.map((s) => ({ slug: s.slug, name: s.name, discipline: s.discipline, durationMinutes: s.durationMinutes, needsReview: s.needsReview, handsOn: s.isHandsOn })),
  );
});
