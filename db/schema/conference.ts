import { sql } from "drizzle-orm";
import { date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { cases } from "./cases";
import { practitioners } from "./clinic";
import { caseStatusEnum } from "./enums";
import { users } from "./users";

/** One weekly case conference (multidisciplinary team meeting). */
export const conferences = pgTable(
  "conferences",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    summary: text("summary").notNull().default(""),
    heldAt: timestamp("held_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("conferences_starts_at_key").on(t.startsAt)],
);

export const conferenceAttendees = pgTable(
  "conference_attendees",
  {
    conferenceId: uuid("conference_id")
      .notNull()
      .references(() => conferences.id, { onDelete: "cascade" }),
    practitionerId: uuid("practitioner_id")
      .notNull()
      .references(() => practitioners.id),
  },
  (t) => [uniqueIndex("conference_attendees_key").on(t.conferenceId, t.practitionerId)],
);

/** A case on a conference's agenda, nominated by a practitioner or suggested by the rules. */
export const conferenceItems = pgTable(
  "conference_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    conferenceId: uuid("conference_id")
      .notNull()
      .references(() => conferences.id, { onDelete: "cascade" }),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    nominatedBy: uuid("nominated_by").references(() => users.id),
    reason: text("reason").notNull(),
    recommendation: text("recommendation").notNull().default(""),
    outcomeStatus: caseStatusEnum("outcome_status"),
    discussedAt: timestamp("discussed_at", { withTimezone: true }),
    discussedBy: uuid("discussed_by").references(() => users.id),
  },
  (t) => [uniqueIndex("conference_items_case_key").on(t.conferenceId, t.caseId)],
);

/** What the team agreed someone does, by when; shown in the owner's queue until done. */
export const actionItems = pgTable(
  "action_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    conferenceItemId: uuid("conference_item_id").references(() => conferenceItems.id, { onDelete: "set null" }),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    ownerPractitionerId: uuid("owner_practitioner_id")
      .notNull()
      .references(() => practitioners.id),
    description: text("description").notNull(),
    dueOn: date("due_on").notNull(),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    completedBy: uuid("completed_by").references(() => users.id),
    /** Set for tasks raised by a rule (e.g. a regimen check-in), so each is raised once. */
    dedupeKey: text("dedupe_key"),
  },
  (t) => [
    uniqueIndex("action_items_dedupe_key").on(t.dedupeKey),
    index("action_items_owner_idx")
      .on(t.ownerPractitionerId, t.dueOn)
      .where(sql`${t.completedAt} is null`),
    index("action_items_case_idx").on(t.caseId),
  ],
);

/** Clinic-wide settings an admin can change (one row per key). */
export const clinicSettings = pgTable("clinic_settings", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  version: integer("version").notNull().default(1),
});
