import { pgEnum } from "drizzle-orm/pg-core";

// The value lists live in lib/ so client code can import them without pulling in drizzle.
import { ROLES } from "@/lib/auth/roles";
import { DISCIPLINES } from "@/lib/clinic/disciplines";
import { APPOINTMENT_STATUSES } from "@/lib/appointments/status";
import { PRIORITIES } from "@/lib/triage/red-flags";
import { OUTBOX_STATUSES } from "@/lib/notifications/status";

export const roleEnum = pgEnum("role", ROLES);
export const disciplineEnum = pgEnum("discipline", DISCIPLINES);
export const appointmentStatusEnum = pgEnum("appointment_status", APPOINTMENT_STATUSES);
export const priorityEnum = pgEnum("priority", PRIORITIES);
export const outboxStatusEnum = pgEnum("outbox_status", OUTBOX_STATUSES);
