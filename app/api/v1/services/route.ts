import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { listPublicServices } from "@/lib/clinic/queries";
import { apiRoute } from "@/lib/http/api";

export const dynamic = "force-dynamic";

/** Public: the services patients can book online. */
export const GET = apiRoute(async () => {
  const services = await listPublicServices(getDb());
  return NextResponse.json(
    services.map((s) => ({ slug: s.slug, name: s.name, discipline: s.discipline, durationMinutes: s.durationMinutes, needsReview: s.needsReview })),
  );
});
