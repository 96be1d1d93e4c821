import "server-only";
import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { clientIp } from "@/lib/http/ip";
import { apiReadLimitPerMinute, enforcePublicLimit } from "@/lib/rate-limit/public";
import { listLocations, listPublicPractitioners, listPublicServices } from "./queries";

/** GET /api/v1/services: what patients can book online. */
export async function getPublicServices(req: Request): Promise<Response> {
  await enforcePublicLimit(getDb(), "api-read", clientIp(req.headers), apiReadLimitPerMinute());
  const services = await listPublicServices(getDb());
  return NextResponse.json(services.map((s) => ({ slug: s.slug, name: s.name, discipline: s.discipline, durationMinutes: s.durationMinutes, needsReview: s.needsReview, handsOn: s.isHandsOn })));
}

/** GET /api/v1/practitioners: who works here and which services each offers. */
export async function getPublicPractitioners(req: Request): Promise<Response> {
  await enforcePublicLimit(getDb(), "api-read", clientIp(req.headers), apiReadLimitPerMinute());
  const practitioners = await listPublicPractitioners(getDb());
  return NextResponse.json(practitioners.map((p) => ({ id: p.id, name: p.displayName, discipline: p.discipline, services: p.services, locations: p.locationIds })));
}

/** GET /api/v1/locations: where the clinic is, each with its own time zone (slots take `location`). */
export async function getPublicLocations(req: Request): Promise<Response> {
  await enforcePublicLimit(getDb(), "api-read", clientIp(req.headers), apiReadLimitPerMinute());
  const locations = await listLocations(getDb());
  return NextResponse.json(locations.map((l) => ({ id: l.id, name: l.name, address: l.address, phone: l.phone, timeZone: l.timeZone })));
}
