import { sql } from "drizzle-orm";
import { check, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { accountTokenPurposeEnum, disciplineEnum, roleEnum } from "./enums";
import { locations } from "./clinic";
import { patients } from "./patients";
import { users } from "./users";

/**
 * Single-use links that let someone choose a password: portal setup for a patient, "forgot password",
 * and staff invitations. Only a SHA-256 of the random 256-bit token is stored (the token itself exists
 * only in the email), so reading this table gives no working link. A link works once, until it expires
 * or is revoked; using it is one UPDATE ... WHERE used_at IS NULL, so two clicks cannot both win.
 */
export const accountTokens = pgTable(
  "account_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    purpose: accountTokenPurposeEnum("purpose").notNull(),
    tokenHash: text("token_hash").notNull(),
    /** The (lower-cased) address the link was sent to: whoever uses it proved they read that mailbox. */
    email: text("email").notNull(),
    /** password_reset: the account. */
    userId: uuid("user_id").references(() => users.id, { onDelete: "cascade" }),
    /** portal_setup: the patient record the new account is linked to. */
    patientId: uuid("patient_id").references(() => patients.id, { onDelete: "cascade" }),
    /** staff_invite: who is invited, as what. */
    name: text("name"),
    role: roleEnum("role"),
    discipline: disciplineEnum("discipline"),
    locationId: uuid("location_id").references(() => locations.id, { onDelete: "set null" }),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("account_tokens_hash_key").on(t.tokenHash),
    index("account_tokens_email_idx").on(t.purpose, sql`lower(${t.email})`),
    index("account_tokens_patient_idx").on(t.patientId),
    index("account_tokens_user_idx").on(t.userId),
    check("account_tokens_reset_user_check", sql`${t.purpose} <> 'password_reset' or ${t.userId} is not null`),
    check("account_tokens_portal_patient_check", sql`${t.purpose} <> 'portal_setup' or ${t.patientId} is not null`),
    check(
      "account_tokens_invite_check",
      sql`${t.purpose} <> 'staff_invite' or (${t.name} is not null and ${t.role} in ('staff', 'practitioner', 'admin') and (${t.role} <> 'practitioner' or ${t.discipline} is not null))`,
    ),
  ],
);
