import { sql } from "drizzle-orm";
import { bigint, boolean, check, date, index, integer, jsonb, pgTable, primaryKey, smallint, text, time, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { disciplineEnum, roomKindEnum } from "./enums";
import { users } from "./users";
import type { BreakInterval } from "@/lib/clinic/schemas";

export const locations = pgTable("locations", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  address: text("address").notNull(),
  phone: text("phone"),
  // IANA zone (e.g. America/New_York); every wall-clock time of this location is read in it.
  timeZone: text("time_zone").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Rooms and tables of a location, each of one kind. A room is a resource like a practitioner: an
 * appointment of a service that needs a kind holds one room, and the exclusion constraint
 * appointments_room_no_overlap (migration 0021) keeps two active appointments out of one room at once.
 * Deactivating a room keeps its history; it is no longer offered.
 */
export const rooms = pgTable(
  "rooms",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    locationId: uuid("location_id")
      .notNull()
      .references(() => locations.id, { onDelete: "restrict" }),
    name: text("name").notNull(),
    kind: roomKindEnum("kind").notNull(),
    isActive: boolean("is_active").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("rooms_location_name_key").on(t.locationId, t.name),
    // The target of appointments' (room_id, location_id) foreign key: a room is booked only at its own location.
    uniqueIndex("rooms_id_location_key").on(t.id, t.locationId),
    check("rooms_name_check", sql`char_length(${t.name}) between 1 and 60`),
  ],
);

export const practitioners = pgTable(
  "practitioners",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    displayName: text("display_name").notNull(),
    credentials: text("credentials"),
    discipline: disciplineEnum("discipline").notNull(),
    bio: text("bio"),
    /** Where they mainly work (set when an admin invites them); the hours page opens at it. */
    locationId: uuid("location_id").references(() => locations.id, { onDelete: "set null" }),
    isActive: boolean("is_active").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("practitioners_user_key").on(t.userId)],
);

/**
 * Bumped by triggers (migration 0009) in the same transaction as any change to a practitioner's
 * appointments, time off, working hours or services: a remembered calendar is current iff its version
 * is. A narrow table of its own, so frequent bumps never bloat or lock the practitioners rows that
 * foreign keys and every listing read.
 */
export const calendarVersions = pgTable("calendar_versions", {
  practitionerId: uuid("practitioner_id")
    .primaryKey()
    .references(() => practitioners.id, { onDelete: "cascade" }),
  version: bigint("version", { mode: "number" }).notNull().default(0),
});

export const services = pgTable(
  "services",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    discipline: disciplineEnum("discipline").notNull(),
    durationMinutes: integer("duration_minutes").notNull(),
    bufferBeforeMinutes: integer("buffer_before_minutes").notNull().default(0),
    bufferAfterMinutes: integer("buffer_after_minutes").notNull().default(0),
    minNoticeMinutes: integer("min_notice_minutes").notNull().default(120),
    cancellationCutoffHours: integer("cancellation_cutoff_hours").notNull().default(24),
    needsReview: boolean("needs_review").notNull().default(false),
    /**
     * Hands-on care (massage, chiropractic manipulation, whatever the clinic marks): never confirmed or
     * completed while the patient has an uncleared red flag (the hands-on gate, migration 0011).
     */
    isHandsOn: boolean("is_hands_on").notNull().default(false),
    /** A room of this kind must be free too, and the booking takes one (null: no room needed). */
    roomKind: roomKindEnum("room_kind"),
    isOnlineBookable: boolean("is_online_bookable").notNull().default(true),
    isActive: boolean("is_active").notNull().default(true),
    sortOrder: integer("sort_order").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("services_duration_check", sql`${t.durationMinutes} between 5 and 480`),
    check("services_buffers_check", sql`${t.bufferBeforeMinutes} between 0 and 120 and ${t.bufferAfterMinutes} between 0 and 120`),
    check("services_notice_check", sql`${t.minNoticeMinutes} >= 0 and ${t.cancellationCutoffHours} >= 0`),
    check("services_slug_check", sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
  ],
);

export const practitionerServices = pgTable(
  "practitioner_services",
  {
    practitionerId: uuid("practitioner_id")
      .notNull()
      .references(() => practitioners.id, { onDelete: "cascade" }),
    serviceId: uuid("service_id")
      .notNull()
      .references(() => services.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.practitionerId, t.serviceId] }), index("practitioner_services_service_idx").on(t.serviceId)],
);

/**
 * One row per practitioner, location and ISO weekday (1 = Monday ... 7 = Sunday), read as wall-clock
 * time in the location's zone. Effective dates are inclusive; a null end means "until further notice".
 */
export const workingHours = pgTable(
  "working_hours",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    practitionerId: uuid("practitioner_id")
      .notNull()
      .references(() => practitioners.id, { onDelete: "cascade" }),
    locationId: uuid("location_id")
      .notNull()
      .references(() => locations.id, { onDelete: "restrict" }),
    weekday: smallint("weekday").notNull(),
    startTime: time("start_time").notNull(),
    endTime: time("end_time").notNull(),
    breaks: jsonb("breaks").$type<BreakInterval[]>().notNull().default([]),
    effectiveFrom: date("effective_from").notNull(),
    effectiveUntil: date("effective_until"),
  },
  (t) => [
    index("working_hours_practitioner_idx").on(t.practitionerId, t.weekday),
    check("working_hours_weekday_check", sql`${t.weekday} between 1 and 7`),
    check("working_hours_order_check", sql`${t.startTime} < ${t.endTime}`),
    check("working_hours_effective_check", sql`${t.effectiveUntil} is null or ${t.effectiveFrom} <= ${t.effectiveUntil}`),
  ],
);

export const timeOff = pgTable(
  "time_off",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    practitionerId: uuid("practitioner_id")
      .notNull()
      .references(() => practitioners.id, { onDelete: "cascade" }),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    reason: text("reason").notNull().default(""),
    /** Recurring time off ("every Friday afternoon"): each occurrence is a row; they share this id. */
    seriesId: uuid("series_id"),
  },
  (t) => [index("time_off_series_idx").on(t.seriesId), index("time_off_practitioner_idx").on(t.practitionerId, t.startsAt), check("time_off_order_check", sql`${t.startsAt} < ${t.endsAt}`)],
);

/**
 * A location closed (holiday, building work): no practitioner is bookable there during it. Stored as
 * instants; the admin enters whole days on the location's clock. A trigger bumps the calendar version
 * of everyone with hours at the location, so cached free times drop the days at once.
 */
export const locationClosures = pgTable(
  "location_closures",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    locationId: uuid("location_id")
      .notNull()
      .references(() => locations.id, { onDelete: "cascade" }),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    reason: text("reason").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("location_closures_location_idx").on(t.locationId, t.startsAt), check("location_closures_order_check", sql`${t.startsAt} < ${t.endsAt}`)],
);
