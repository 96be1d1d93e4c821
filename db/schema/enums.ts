import { pgEnum } from "drizzle-orm/pg-core";

// The value lists live in lib/ so client code can import them without pulling in drizzle.
import { ROLES } from "@/lib/auth/roles";
import { DISCIPLINES } from "@/lib/clinic/disciplines";
import { APPOINTMENT_STATUSES } from "@/lib/appointments/status";
import { PRIORITIES } from "@/lib/triage/red-flags";
import { OUTBOX_STATUSES } from "@/lib/notifications/status";
import { CASE_STATUSES, DURATION_CLASSES } from "@/lib/cases/status";
import { REFERRAL_DIRECTIONS, REFERRAL_STATUSES, SPECIALTIES } from "@/lib/referrals/kinds";
import { ACCOUNT_TOKEN_PURPOSES } from "@/lib/accounts/purposes";
import { ROOM_KINDS } from "@/lib/rooms/kinds";

export const roleEnum = pgEnum("role", ROLES);
export const disciplineEnum = pgEnum("discipline", DISCIPLINES);
export const appointmentStatusEnum = pgEnum("appointment_status", APPOINTMENT_STATUSES);
export const priorityEnum = pgEnum("priority", PRIORITIES);
export const outboxStatusEnum = pgEnum("outbox_status", OUTBOX_STATUSES);
export const caseStatusEnum = pgEnum("case_status", CASE_STATUSES);
export const durationClassEnum = pgEnum("duration_class", DURATION_CLASSES);
export const referralDirectionEnum = pgEnum("referral_direction", REFERRAL_DIRECTIONS);
export const referralStatusEnum = pgEnum("referral_status", REFERRAL_STATUSES);
export const specialtyEnum = pgEnum("specialty", SPECIALTIES);
export const accountTokenPurposeEnum = pgEnum("account_token_purpose", ACCOUNT_TOKEN_PURPOSES);
export const roomKindEnum = pgEnum("room_kind", ROOM_KINDS);
