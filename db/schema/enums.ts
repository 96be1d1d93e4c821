import { pgEnum } from "drizzle-orm/pg-core";

// The value lists live in lib/ so client code can import them without pulling in drizzle.
import { ROLES } from "@/lib/auth/roles";
import { DISCIPLINES } from "@/lib/clinic/disciplines";
import { APPOINTMENT_STATUSES } from "@/lib/appointments/status";

export const roleEnum = pgEnum("role", ROLES);
export const disciplineEnum = pgEnum("discipline", DISCIPLINES);
export const appointmentStatusEnum = pgEnum("appointment_status", APPOINTMENT_STATUSES);
