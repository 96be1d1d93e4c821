import { sql } from "drizzle-orm";
import { check, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { practitioners } from "./clinic";
import { users } from "./users";

/**
 * A practitioner's private calendar subscriptions, one row per device or app ("Phone", "Office
 * Outlook"). The URL carries 256 random bits; only their SHA-256 is stored, so the table gives no
 * working link. Each one is revoked on its own; a revoked row is kept (who had a feed, until when).
 */
export const calendarFeedTokens = pgTable(
  "calendar_feed_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    practitionerId: uuid("practitioner_id")
      .notNull()
      .references(() => practitioners.id, { onDelete: "cascade" }),
    label: text("label").notNull(),
    tokenHash: text("token_hash").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("calendar_feed_tokens_hash_unique").on(t.tokenHash),
    index("calendar_feed_tokens_user_idx").on(t.userId),
    check("calendar_feed_tokens_label_length", sql`char_length(${t.label}) between 1 and 60`),
  ],
);
