"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { createFormAction } from "@/lib/actions/create-action";
import { addRoom, renameRoom, setRoomActive } from "./commands";
import { NewRoomSchema, RenameRoomSchema, SetRoomActiveSchema } from "./schemas";

/** A room at a location (/admin/locations); a name already used there comes back as a field error. */
export const addRoomAction = createFormAction({ schema: NewRoomSchema, roles: ["admin"] }, async (input, user) => {
  const created = await getDb().transaction((tx) => addRoom(tx, { actor: user, ...input }));
  revalidatePath("/admin/locations");
  return created;
});

export const renameRoomAction = createFormAction({ schema: RenameRoomSchema, roles: ["admin"] }, async (input, user) => {
  const renamed = await getDb().transaction((tx) => renameRoom(tx, { actor: user, ...input }));
  revalidatePath("/admin/locations");
  return renamed;
});

/** Deactivate or reactivate; appointments still holding a deactivated room are listed on the page. */
export const setRoomActiveAction = createFormAction({ schema: SetRoomActiveSchema, roles: ["admin"] }, async (input, user) => {
  const { inside } = await getDb().transaction((tx) => setRoomActive(tx, { actor: user, ...input }));
  revalidatePath("/admin/locations");
  return { appointmentsInside: inside.length };
});
