import { sql } from "drizzle-orm";
import { boolean, check, customType, date, index, integer, jsonb, pgTable, smallint, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from "drizzle-orm/pg-core";
import { cases } from "./cases";
import { patients } from "./patients";
import { users } from "./users";
import type { RegimenItemInput } from "@/lib/regimens/schemas";

/** The exercise library: our own plain-language instructions. */
export const exercises = pgTable("exercises", {
  id: uuid("id").primaryKey().defaultRandom(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  instructions: text("instructions").notNull(),
  bodyArea: text("body_area").notNull(),
  position: text("position").notNull(),
  difficulty: text("difficulty").notNull(),
  equipment: text("equipment").notNull().default("None"),
  precautions: text("precautions").notNull().default(""),
  /** A video link (https only). */
  mediaUrl: text("media_url"),
  /**
   * Start and end position pictures: our own drawings (/exercises/<slug>-start.svg, made from the pose
   * model in lib/exercises) or a practitioner's upload (/api/exercise-pictures/<id>), each with alt text,
   * and the licence and attribution of the pictures, shown with them.
   */
  pictureStartUrl: text("picture_start_url"),
  pictureStartAlt: text("picture_start_alt").notNull().default(""),
  pictureEndUrl: text("picture_end_url"),
  pictureEndAlt: text("picture_end_alt").notNull().default(""),
  pictureLicence: text("picture_licence").notNull().default(""),
  pictureAttribution: text("picture_attribution").notNull().default(""),
  isActive: boolean("is_active").notNull().default(true),
  updatedBy: uuid("updated_by").references(() => users.id),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

const bytea = customType<{ data: Buffer; driverData: Uint8Array }>({
  dataType: () => "bytea",
  toDriver: (value) => value,
  fromDriver: (value) => Buffer.from(value),
});

/**
 * Pictures practitioners upload for an exercise: PNG, JPEG or WebP only (never SVG, which can carry
 * script), at most 2 MB, checked by their first bytes; served with their type and nosniff.
 */
export const exerciseUploads = pgTable(
  "exercise_uploads",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    exerciseId: uuid("exercise_id")
      .notNull()
      .references(() => exercises.id, { onDelete: "cascade" }),
    contentType: text("content_type").notNull(),
    bytes: bytea("bytes").notNull(),
    byteSize: integer("byte_size").notNull(),
    sha256: text("sha256").notNull(),
    uploadedBy: uuid("uploaded_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("exercise_uploads_exercise_idx").on(t.exerciseId),
    check("exercise_uploads_type_check", sql`${t.contentType} in ('image/png', 'image/jpeg', 'image/webp')`),
    check("exercise_uploads_size_check", sql`${t.byteSize} between 1 and 2097152 and ${t.byteSize} = octet_length(${t.bytes})`),
  ],
);

/**
 * One version of a case's home exercise regimen. Changing a regimen adds a new version (same lineage,
 * version + 1) and marks the old one not current; every version stays readable.
 */
export const regimens = pgTable(
  "regimens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    lineageId: uuid("lineage_id").notNull(),
    version: integer("version").notNull(),
    previousId: uuid("previous_id").references((): AnyPgColumn => regimens.id),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    patientId: uuid("patient_id")
      .notNull()
      .references(() => patients.id),
    title: text("title").notNull(),
    startDate: date("start_date").notNull(),
    reviewDate: date("review_date").notNull(),
    isCurrent: boolean("is_current").notNull().default(true),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("regimens_lineage_version_key").on(t.lineageId, t.version),
    uniqueIndex("regimens_one_current_per_case")
      .on(t.caseId)
      .where(sql`${t.isCurrent}`),
    index("regimens_patient_idx").on(t.patientId, t.isCurrent),
    check("regimens_dates_check", sql`${t.reviewDate} >= ${t.startDate}`),
  ],
);

export const regimenItems = pgTable(
  "regimen_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    regimenId: uuid("regimen_id")
      .notNull()
      .references(() => regimens.id, { onDelete: "cascade" }),
    exerciseId: uuid("exercise_id")
      .notNull()
      .references(() => exercises.id),
    position: smallint("position").notNull(),
    sets: smallint("sets").notNull(),
    reps: smallint("reps"),
    durationSeconds: integer("duration_seconds"),
    holdSeconds: smallint("hold_seconds"),
    timesPerDay: smallint("times_per_day").notNull(),
    daysPerWeek: smallint("days_per_week").notNull(),
    side: text("side").notNull().default("both"),
    notes: text("notes").notNull().default(""),
  },
  (t) => [
    index("regimen_items_regimen_idx").on(t.regimenId, t.position),
    check(
      "regimen_items_dose_check",
      sql`(${t.reps} is null) <> (${t.durationSeconds} is null) and ${t.sets} between 1 and 10 and ${t.timesPerDay} between 1 and 6 and ${t.daysPerWeek} between 1 and 7`,
    ),
  ],
);

/** Reusable starting points ("Beginner mobility", "Core stability"). */
export const regimenTemplates = pgTable("regimen_templates", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull().unique(),
  description: text("description").notNull().default(""),
  items: jsonb("items").$type<RegimenItemInput[]>().notNull(),
  createdBy: uuid("created_by").references(() => users.id),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * What the patient did: one row per session logged. `client_id` is made on the phone, so a log sent
 * twice (a retry after a lost connection) is stored once.
 */
export const exerciseLogs = pgTable(
  "exercise_logs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clientId: uuid("client_id").notNull().unique(),
    patientId: uuid("patient_id")
      .notNull()
      .references(() => patients.id),
    regimenItemId: uuid("regimen_item_id")
      .notNull()
      .references(() => regimenItems.id),
    logDate: date("log_date").notNull(),
    setsDone: smallint("sets_done").notNull(),
    loggedAt: timestamp("logged_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("exercise_logs_patient_date_idx").on(t.patientId, t.logDate), check("exercise_logs_sets_check", sql`${t.setsDone} between 0 and 10`)],
);

/** The patient's day: pain 0–10 and an optional comment (one per day; the latest wins). */
export const dailyCheckins = pgTable(
  "daily_checkins",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    patientId: uuid("patient_id")
      .notNull()
      .references(() => patients.id),
    logDate: date("log_date").notNull(),
    pain: smallint("pain"),
    comment: text("comment").notNull().default(""),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("daily_checkins_patient_date_key").on(t.patientId, t.logDate), check("daily_checkins_pain_check", sql`${t.pain} is null or ${t.pain} between 0 and 10`)],
);
