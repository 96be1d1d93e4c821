import { sql } from "drizzle-orm";
import { bigserial, check, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { appointments } from "./appointments";
import { cases } from "./cases";
import { priorityEnum } from "./enums";
import { patients } from "./patients";
import { users } from "./users";

/**
 * One row per patient and red flag: its current state. A flag is uncleared while `cleared_at` is null.
 * It belongs to the patient, not to a case, so its history outlives the episode it was found in. A
 * report after a clearance makes it uncleared again. The hands-on gate (migration 0011) reads this table.
 */
export const patientRedFlags = pgTable(
  "patient_red_flags",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    patientId: uuid("patient_id")
      .notNull()
      .references(() => patients.id, { onDelete: "restrict" }),
    code: text("code").notNull(),
    priority: priorityEnum("priority").notNull(),
    firstReportedAt: timestamp("first_reported_at", { withTimezone: true }).notNull().defaultNow(),
    lastReportedAt: timestamp("last_reported_at", { withTimezone: true }).notNull().defaultNow(),
    clearedAt: timestamp("cleared_at", { withTimezone: true }),
    clearedBy: uuid("cleared_by").references(() => users.id),
    clearanceNote: text("clearance_note"),
  },
  (t) => [
    uniqueIndex("patient_red_flags_patient_code_key").on(t.patientId, t.code),
    index("patient_red_flags_uncleared_idx")
      .on(t.patientId)
      .where(sql`${t.clearedAt} is null`),
    check("patient_red_flags_clearance_check", sql`(${t.clearedAt} is null) = (${t.clearedBy} is null) and (${t.clearedAt} is null) = (${t.clearanceNote} is null)`),
  ],
);

/** Each report and clearance of a flag, in order: the flag's history on the case page. Append-only. */
export const redFlagEvents = pgTable(
  "red_flag_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    flagId: uuid("flag_id")
      .notNull()
      .references(() => patientRedFlags.id, { onDelete: "restrict" }),
    kind: text("kind").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    /** The request that reported it (kind "reported"). */
    appointmentId: uuid("appointment_id").references(() => appointments.id, { onDelete: "set null" }),
    caseId: uuid("case_id").references(() => cases.id, { onDelete: "set null" }),
    /** Who cleared it (kind "cleared"); null for a patient's own report. */
    actorUserId: uuid("actor_user_id").references(() => users.id),
    /** The clinician's short note (kind "cleared"). */
    note: text("note"),
  },
  (t) => [index("red_flag_events_flag_idx").on(t.flagId, t.at), check("red_flag_events_kind_check", sql`${t.kind} in ('reported', 'cleared')`)],
);

export type PatientRedFlag = typeof patientRedFlags.$inferSelect;
