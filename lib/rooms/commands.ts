import "server-only";
import { eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { isUniqueViolation } from "@/db/errors";
import { locations, rooms } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth";
import { recordAuditEvent } from "@/lib/audit";
import { canManageClinic } from "@/lib/clinic/commands";
import { DomainError } from "@/lib/errors";
import type { RoomKind } from "./kinds";
import { upcomingAppointmentsInRoom } from "./queries";

/**
 * Admins keep each location's rooms: add, rename, deactivate and reactivate. Rooms are never deleted
 * (appointments keep the room they held); a deactivated room is no longer given to new bookings or moves
 * (assignRoom takes active rooms only), and its upcoming appointments are listed for the desk to move.
 */
type Actor = Pick<CurrentUser, "id" | "role">;

/** The unique index on (location, name): a clash is the admin's to fix, not a 500. */
const NAME_KEY = "rooms_location_name_key";
const nameTaken = () => new DomainError("invalid", "default", { fields: { name: "room_name_taken" } });

async function withNameCheck<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (isUniqueViolation(err, NAME_KEY)) throw nameTaken();
    throw err;
  }
}

export async function addRoom(tx: Tx, input: { actor: Actor; locationId: string; name: string; kind: RoomKind }): Promise<{ id: string }> {
  if (!canManageClinic(input.actor)) throw new DomainError("forbidden");
  const [location] = await tx.select({ id: locations.id }).from(locations).where(eq(locations.id, input.locationId));
  if (!location) throw new DomainError("invalid", "default", { fields: { locationId: "location" } });
  const [row] = await withNameCheck(() => tx.insert(rooms).values({ locationId: location.id, name: input.name, kind: input.kind }).returning({ id: rooms.id }));
  await recordAuditEvent(tx, { actor: input.actor, action: "room.added", entityType: "room", entityId: row!.id, details: { locationId: location.id, name: input.name, kind: input.kind } });
  return row!;
}

export async function renameRoom(tx: Tx, input: { actor: Actor; id: string; name: string }): Promise<{ id: string }> {
  if (!canManageClinic(input.actor)) throw new DomainError("forbidden");
  const [before] = await tx.select({ name: rooms.name }).from(rooms).where(eq(rooms.id, input.id)).for("update");
  if (!before) throw new DomainError("not_found", "room");
  if (before.name === input.name) return { id: input.id };
  await withNameCheck(() => tx.update(rooms).set({ name: input.name }).where(eq(rooms.id, input.id)));
  await recordAuditEvent(tx, { actor: input.actor, action: "room.updated", entityType: "room", entityId: input.id, details: { from: before.name, to: input.name } });
  return { id: input.id };
}

/**
 * Deactivating refuses nothing and cancels nothing: it answers the booked appointments still holding the
 * room, for the desk to move. Reactivating makes the room bookable again.
 */
export async function setRoomActive(tx: Tx, input: { actor: Actor; id: string; isActive: boolean; now?: Date }) {
  if (!canManageClinic(input.actor)) throw new DomainError("forbidden");
  const [before] = await tx.select({ isActive: rooms.isActive }).from(rooms).where(eq(rooms.id, input.id)).for("update");
  if (!before) throw new DomainError("not_found", "room");
  const inside = input.isActive ? [] : await upcomingAppointmentsInRoom(tx, input.id, input.now);
  if (before.isActive !== input.isActive) {
    await tx.update(rooms).set({ isActive: input.isActive }).where(eq(rooms.id, input.id));
    await recordAuditEvent(tx, {
      actor: input.actor,
      action: input.isActive ? "room.reactivated" : "room.deactivated",
      entityType: "room",
      entityId: input.id,
      details: input.isActive ? {} : { appointmentsInside: inside.length },
    });
  }
  return { id: input.id, inside };
}
