import { sql } from "drizzle-orm";
import { check, date, index, pgTable, smallint, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { appointments } from "./appointments";
import { users } from "./users";
import { priorityEnum } from "./enums";

/** What the patient told us when requesting an appointment. One per appointment request. */
export const intakes = pgTable(
  "intakes",
  {
    appointmentId: uuid("appointment_id")
      .primaryKey()
      .references(() => appointments.id, { onDelete: "cascade" }),
    painStartedOn: date("pain_started_on").notNull(),
    painScore: smallint("pain_score").notNull(),
    worseWith: text("worse_with").notNull().default(""),
    redFlags: text("red_flags")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    notes: text("notes").notNull().default(""),
    /** Who typed the answers: the patient themselves (online or through the API), or the front desk on the phone. */
    enteredBy: text("entered_by").notNull().default("patient"),
    enteredByUserId: uuid("entered_by_user_id").references(() => users.id),
    priority: priorityEnum("priority").notNull(),
    /** A patient under 18: the parent or guardian who consented (both set, or neither). */
    guardianName: text("guardian_name"),
    guardianRelationship: text("guardian_relationship"),
    guardianConsentAt: timestamp("guardian_consent_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("intakes_pain_score_check", sql`${t.painScore} between 0 and 10`),
    check("intakes_guardian_check", sql`(${t.guardianName} is null) = (${t.guardianRelationship} is null) and (${t.guardianName} is null) = (${t.guardianConsentAt} is null)`),
    check("intakes_entered_by_check", sql`${t.enteredBy} in ('patient', 'staff')`),
    index("intakes_priority_idx").on(t.priority, t.createdAt),
  ],
);

/**
 * A submitted booking remembered by its idempotency key: a retry with the same key and body gets the
 * same appointment back; the same key with another body is refused.
 */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    key: text("key").primaryKey(),
    requestHash: text("request_hash").notNull(),
    appointmentId: uuid("appointment_id").references(() => appointments.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("idempotency_keys_created_idx").on(t.createdAt)],
);
