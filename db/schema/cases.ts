import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, jsonb, pgTable, smallint, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { caseStatusEnum, disciplineEnum, durationClassEnum, priorityEnum } from "./enums";
import { patients } from "./patients";
import { practitioners } from "./clinic";
import { users } from "./users";
import type { TriageReason } from "@/lib/triage/assess";

/** One episode of care for one patient: it collects requests, appointments, notes, referrals and decisions. */
export const cases = pgTable(
  "cases",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    patientId: uuid("patient_id")
      .notNull()
      .references(() => patients.id, { onDelete: "restrict" }),
    status: caseStatusEnum("status").notNull().default("new"),
    priority: priorityEnum("priority").notNull().default("routine"),
    /**
     * Lower is more urgent (emergency 0 ... routine 3): the queue sorts and pages on it. Derived by the
     * database from `priority`, so it can never disagree with it (PRIORITY_RANK in lib/triage is the same
     * order for building filters; a test holds the two together).
     */
    priorityRank: smallint("priority_rank")
      .generatedAlwaysAs(sql`case priority when 'emergency' then 0 when 'same_day' then 1 when 'within_48h' then 2 else 3 end`)
      .notNull(),
    durationClass: durationClassEnum("duration_class"),
    painStartedOn: date("pain_started_on"),
    leadPractitionerId: uuid("lead_practitioner_id").references(() => practitioners.id, { onDelete: "set null" }),
    disciplines: disciplineEnum("disciplines")
      .array()
      .notNull()
      .default(sql`'{}'`),
    suggestedDiscipline: disciplineEnum("suggested_discipline"),
    /** Red-flag codes reported during this episode; their clearance lives per patient in patient_red_flags. */
    redFlags: text("red_flags")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Derived from `red_flags` by the database (indexed filter of the queue). */
    hasRedFlags: boolean("has_red_flags")
      .generatedAlwaysAs(sql`cardinality(red_flags) > 0`)
      .notNull(),
    awaitingReview: boolean("awaiting_review").notNull().default(false),
    /** Why it was triaged so: codes (TriageReason in lib/triage/assess.ts), said in words at the edge. */
    triageReasons: jsonb("triage_reasons").$type<Array<TriageReason | string>>().notNull().default([]),
    /** Lower-cased patient name, email and case text for the queue's search box. */
    searchText: text("search_text").notNull().default(""),
    openedAt: timestamp("opened_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    dischargedAt: timestamp("discharged_at", { withTimezone: true }),
    /** Why the case was closed, in the clinician's words (required while a serious flag is uncleared). */
    dischargeReason: text("discharge_reason"),
  },
  (t) => [
    index("cases_patient_idx").on(t.patientId, t.openedAt),
    index("cases_queue_idx").on(t.priorityRank, t.openedAt, t.id),
    index("cases_status_queue_idx").on(t.status, t.priorityRank, t.openedAt, t.id),
    index("cases_lead_idx").on(t.leadPractitionerId, t.priorityRank, t.openedAt, t.id),
  ],
);

/** A clinical note on a case, tagged with its author's discipline. Edits keep every earlier version. */
export const caseNotes = pgTable(
  "case_notes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    authorUserId: uuid("author_user_id")
      .notNull()
      .references(() => users.id),
    authorDiscipline: disciplineEnum("author_discipline"),
    body: text("body").notNull(),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("case_notes_case_idx").on(t.caseId, t.createdAt)],
);

export const caseNoteVersions = pgTable(
  "case_note_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    noteId: uuid("note_id")
      .notNull()
      .references(() => caseNotes.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    body: text("body").notNull(),
    editedBy: uuid("edited_by")
      .notNull()
      .references(() => users.id),
    editedAt: timestamp("edited_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("case_note_versions_note_idx").on(t.noteId, t.version)],
);

/** Pain now (0–10 NPRS), from intakes, visits and the patient's own logs. */
export const painScores = pgTable(
  "pain_scores",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    score: smallint("score").notNull(),
    source: text("source").notNull(),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("pain_scores_case_idx").on(t.caseId, t.recordedAt), check("pain_scores_score_check", sql`${t.score} between 0 and 10`)],
);

/** Patient-Specific Functional Scale: 3–5 activities the patient names, each 0 (cannot) – 10 (as before). */
export const psfsAssessments = pgTable(
  "psfs_assessments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    items: jsonb("items").$type<Array<{ activity: string; score: number }>>().notNull(),
    recordedBy: uuid("recorded_by").references(() => users.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("psfs_case_idx").on(t.caseId, t.recordedAt)],
);
