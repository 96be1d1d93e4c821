import "server-only";
import { desc, eq, like } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { locations, practitioners, practitionerServices, services } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth";
import { recordAuditEvent } from "@/lib/audit";
import { DomainError } from "@/lib/errors";
import { forgetClinic } from "./context";
import type { ServiceFields, ServiceInput } from "./schemas";

/** Admins shape the clinic: who may (the actions admit admins only; the commands check again). */
export function canManageClinic(viewer: Pick<CurrentUser, "role">): boolean {
  return viewer.role === "admin";
}

type Actor = Pick<CurrentUser, "id" | "role">;

/** "Deep tissue massage (60 min)" → "deep-tissue-massage-60-min", made unique with -2, -3 … */
async function freeSlug(tx: Tx, name: string): Promise<string> {
  const base =
    name
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60) || "service";
  const taken = new Set(
    (
      await tx
        .select({ slug: services.slug })
        .from(services)
        .where(like(services.slug, `${base}%`))
    ).map((r) => r.slug),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** A new service; its slug (links, API) comes from the name and never changes. */
export async function createService(tx: Tx, input: { actor: Actor; values: ServiceFields }): Promise<{ id: string; slug: string }> {
  if (!canManageClinic(input.actor)) throw new DomainError("forbidden");
  const slug = await freeSlug(tx, input.values.name);
  const [{ sortOrder } = { sortOrder: 0 }] = await tx.select({ sortOrder: services.sortOrder }).from(services).orderBy(desc(services.sortOrder)).limit(1);
  const [row] = await tx
    .insert(services)
    .values({ ...input.values, slug, sortOrder: sortOrder + 1 })
    .returning({ id: services.id, slug: services.slug });
  await recordAuditEvent(tx, { actor: input.actor, action: "service.created", entityType: "service", entityId: row!.id, details: { slug, roomKind: input.values.roomKind } });
  return row!;
}

/**
 * A service's fields (not its slug). A new room kind applies to bookings and moves from now on:
 * appointments already booked keep the room they hold.
 */
export async function updateService(tx: Tx, input: { actor: Actor; values: ServiceInput }): Promise<{ id: string }> {
  if (!canManageClinic(input.actor)) throw new DomainError("forbidden");
  const { id, ...values } = input.values;
  const updated = await tx.update(services).set(values).where(eq(services.id, id)).returning({ id: services.id });
  if (!updated.length) throw new DomainError("not_found", "service");
  await recordAuditEvent(tx, { actor: input.actor, action: "service.updated", entityType: "service", entityId: id, details: { fields: Object.keys(values), roomKind: values.roomKind } });
  return { id };
}

/**
 * A new practitioner at a location, offering services of their discipline. Hours are set on their page
 * next; until then they have no free times. A sign-in account comes from an invitation, if they need one.
 */
export async function createPractitioner(
  tx: Tx,
  input: { actor: Actor; values: { displayName: string; credentials: string; discipline: (typeof practitioners.$inferInsert)["discipline"]; locationId: string; serviceIds: string[] } },
): Promise<{ id: string }> {
  if (!canManageClinic(input.actor)) throw new DomainError("forbidden");
  const v = input.values;
  const [location] = await tx.select({ id: locations.id }).from(locations).where(eq(locations.id, v.locationId));
  if (!location) throw new DomainError("invalid", "default", { fields: { locationId: "location" } });
  const offered = v.serviceIds.length ? await tx.select({ id: services.id, discipline: services.discipline }).from(services).where(eq(services.isActive, true)) : [];
  const wrong = v.serviceIds.filter((id) => offered.find((s) => s.id === id)?.discipline !== v.discipline);
  if (wrong.length) throw new DomainError("invalid", "default", { fields: { serviceIds: "services_discipline" } });
  const [row] = await tx
    .insert(practitioners)
    .values({ displayName: v.displayName, credentials: v.credentials || null, discipline: v.discipline, locationId: v.locationId })
    .returning({ id: practitioners.id });
  if (v.serviceIds.length) await tx.insert(practitionerServices).values(v.serviceIds.map((serviceId) => ({ practitionerId: row!.id, serviceId })));
  await recordAuditEvent(tx, {
    actor: input.actor,
    action: "practitioner.created",
    entityType: "practitioner",
    entityId: row!.id,
    details: { discipline: v.discipline, services: v.serviceIds.length },
  });
  forgetClinic();
  return row!;
}
