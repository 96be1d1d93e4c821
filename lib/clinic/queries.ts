import "server-only";
import { and, asc, eq, gte, inArray, isNull, or, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { locations, practitioners, practitionerServices, services, workingHours } from "@/db/schema";

/** Services a patient can see and book online, in the clinic's order. */
export async function listPublicServices(db: DbOrTx) {
  return db
    .select()
    .from(services)
    .where(and(eq(services.isActive, true), eq(services.isOnlineBookable, true)))
    .orderBy(asc(services.sortOrder), asc(services.name));
}

/** Active practitioners with the slugs of the active services they offer. */
export async function listPublicPractitioners(db: DbOrTx) {
  const rows = await db
    .select({
      id: practitioners.id,
      displayName: practitioners.displayName,
      credentials: practitioners.credentials,
      discipline: practitioners.discipline,
      bio: practitioners.bio,
      serviceSlug: services.slug,
    })
    .from(practitioners)
    .leftJoin(practitionerServices, eq(practitionerServices.practitionerId, practitioners.id))
    .leftJoin(services, and(eq(services.id, practitionerServices.serviceId), eq(services.isActive, true)))
    .where(eq(practitioners.isActive, true))
    .orderBy(asc(practitioners.discipline), asc(practitioners.displayName));
  // Where each works: the locations of their working hours still in force.
  const places = await db
    .selectDistinct({ practitionerId: workingHours.practitionerId, locationId: workingHours.locationId })
    .from(workingHours)
    .where(or(isNull(workingHours.effectiveUntil), gte(workingHours.effectiveUntil, sql`current_date`)));
  const byId = new Map<string, Omit<(typeof rows)[number], "serviceSlug"> & { services: string[]; locationIds: string[] }>();
  for (const { serviceSlug, ...p } of rows) {
    const entry = byId.get(p.id) ?? { ...p, services: [], locationIds: places.filter((w) => w.practitionerId === p.id).map((w) => w.locationId) };
    if (serviceSlug) entry.services.push(serviceSlug);
    byId.set(p.id, entry);
  }
  return [...byId.values()];
}

/** Locations, the main one (the first made) first. */
export async function listLocations(db: DbOrTx) {
  return db.select().from(locations).orderBy(asc(locations.createdAt), asc(locations.id));
}

export async function locationExists(db: DbOrTx, id: string): Promise<boolean> {
  const [row] = await db.select({ id: locations.id }).from(locations).where(eq(locations.id, id));
  return Boolean(row);
}

export async function listServicesForAdmin(db: DbOrTx) {
  return db.select().from(services).orderBy(asc(services.sortOrder), asc(services.name));
}

export async function getService(db: DbOrTx, id: string) {
  const [row] = await db.select().from(services).where(eq(services.id, id)).limit(1);
  return row ?? null;
}

export async function listPractitionersForAdmin(db: DbOrTx) {
  return db.select().from(practitioners).orderBy(asc(practitioners.displayName));
}

export async function getPractitioner(db: DbOrTx, id: string) {
  const [row] = await db.select().from(practitioners).where(eq(practitioners.id, id)).limit(1);
  return row ?? null;
}

/** The working-hour rows of one practitioner, current and future, by weekday. */
export async function listWorkingHours(db: DbOrTx, practitionerIds: string[]) {
  if (!practitionerIds.length) return [];
  return db
    .select()
    .from(workingHours)
    .where(inArray(workingHours.practitionerId, practitionerIds))
    .orderBy(asc(workingHours.practitionerId), asc(workingHours.effectiveFrom), asc(workingHours.weekday));
}
