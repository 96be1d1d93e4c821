import { z } from "zod";
import { ROOM_KINDS } from "./kinds";

/** Room forms on /admin/locations: shared by the forms and the server actions (no server imports). */
const RoomNameSchema = z.string().trim().min(1, "Name the room").max(60, "Keep it under 60 characters");

export const NewRoomSchema = z.object({
  locationId: z.uuid({ message: "Choose a location" }),
  name: RoomNameSchema,
  kind: z.enum(ROOM_KINDS, { message: "Choose a kind of room" }),
});
export type NewRoomInput = z.infer<typeof NewRoomSchema>;

export const RenameRoomSchema = z.object({ id: z.uuid(), name: RoomNameSchema });

/** Deactivate ("false") or reactivate ("true"): a form posts the value of the button pressed. */
export const SetRoomActiveSchema = z.object({ id: z.uuid(), isActive: z.enum(["true", "false"]).transform((v) => v === "true") });
