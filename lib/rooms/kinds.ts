/**
 * Kinds of rooms a location has and a service can require (massage needs a massage room, a chiropractic
 * adjustment a treatment room). A value list with no server imports: the database enum, forms and pages
 * all read it from here.
 */
export const ROOM_KINDS = ["treatment", "massage", "exercise"] as const;
export type RoomKind = (typeof ROOM_KINDS)[number];

export const ROOM_KIND_LABELS: Record<RoomKind, string> = {
  treatment: "Treatment room",
  massage: "Massage room",
  exercise: "Exercise studio",
};

export const isRoomKind = (value: unknown): value is RoomKind => typeof value === "string" && (ROOM_KINDS as readonly string[]).includes(value);
