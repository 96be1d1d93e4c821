import { sql } from "drizzle-orm";
import { boolean, date, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

export const patients = pgTable(
  "patients",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    fullName: text("full_name").notNull(),
    email: text("email").notNull(),
    phone: text("phone").notNull().default(""),
    dateOfBirth: date("date_of_birth"),
    /**
     * Made for an online request whose sender has not yet proved they control the email: it stands on its
     * own, never matched or merged with anyone, until verification joins it to the real patient (or makes
     * it one).
     */
    isProvisional: boolean("is_provisional").notNull().default(false),
    /** A provisional record whose request joined an existing patient on verification. */
    mergedIntoPatientId: uuid("merged_into_patient_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("patients_user_key").on(t.userId), index("patients_email_idx").on(sql`lower(${t.email})`)],
);
