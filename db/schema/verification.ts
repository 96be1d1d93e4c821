import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { appointments } from "./appointments";
import { users } from "./users";

/**
 * A one-time code sent to an email address, to prove the requester controls it before an online request
 * touches a patient's record. For a pending request (`appointment_id`) it also carries the link in the
 * email; for /book's "email me a code" it has none. The code is stored as an HMAC only.
 */
export const emailChallenges = pgTable(
  "email_challenges",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    appointmentId: uuid("appointment_id").references(() => appointments.id, { onDelete: "cascade" }),
    codeMac: text("code_mac").notNull(),
    attempts: integer("attempts").notNull().default(0),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    verifiedAt: timestamp("verified_at", { withTimezone: true }),
    /** The desk verified the caller by phone (null: the requester proved it by code or link). */
    verifiedBy: uuid("verified_by").references(() => users.id),
    /** /book: the request that used this code (a code serves one request). */
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("email_challenges_email_idx").on(sql`lower(${t.email})`, t.createdAt),
    index("email_challenges_appointment_idx").on(t.appointmentId),
    check("email_challenges_attempts_check", sql`${t.attempts} >= 0`),
  ],
);
