import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { cases } from "./cases";
import { referralDirectionEnum, referralStatusEnum, specialtyEnum } from "./enums";
import { users } from "./users";

/** Incoming referrals open or join a case; outgoing ones track their progress. */
export const referrals = pgTable(
  "referrals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    direction: referralDirectionEnum("direction").notNull(),
    specialty: specialtyEnum("specialty").notNull(),
    /** Who referred (incoming) or to whom (outgoing): a clinician or service name. */
    counterpart: text("counterpart").notNull(),
    reason: text("reason").notNull(),
    letterText: text("letter_text").notNull().default(""),
    status: referralStatusEnum("status").notNull(),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("referrals_case_idx").on(t.caseId, t.createdAt)],
);
