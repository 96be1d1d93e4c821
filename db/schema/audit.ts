import { bigserial, index, inet, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { roleEnum } from "./enums";
import { users } from "./users";
import { patients } from "./patients";
import { cases } from "./cases";

/** Who read or changed what. Append-only: a trigger (migration 0005) refuses UPDATE and DELETE. */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    // No cascade: the trail outlives nothing it points at (users are disabled, never deleted).
    actorUserId: uuid("actor_user_id").references(() => users.id),
    actorRole: roleEnum("actor_role"),
    action: text("action").notNull(),
    patientId: uuid("patient_id").references(() => patients.id),
    caseId: uuid("case_id").references(() => cases.id),
    entityType: text("entity_type"),
    entityId: text("entity_id"),
    requestId: text("request_id"),
    ip: inet("ip"),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    index("audit_events_at_idx").on(t.at),
    index("audit_events_patient_idx").on(t.patientId, t.at),
    index("audit_events_actor_idx").on(t.actorUserId, t.at),
    index("audit_events_action_idx").on(t.action, t.at),
  ],
);
