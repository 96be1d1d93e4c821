import { sql } from "drizzle-orm";
import { check, date, index, integer, pgTable, smallint, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { cases } from "./cases";
import { practitioners, services } from "./clinic";
import { patients } from "./patients";
import { users } from "./users";

/**
 * A plan of care booked as a series (issue 13): the pattern it was booked from ("Mon and Thu at 08:30,
 * twelve visits from March 1"); its visits are appointments carrying series_id, each moved or cancelled
 * on its own through the lifecycle.
 */
export const appointmentSeries = pgTable(
  "appointment_series",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "restrict" }),
    patientId: uuid("patient_id")
      .notNull()
      .references(() => patients.id, { onDelete: "restrict" }),
    practitionerId: uuid("practitioner_id")
      .notNull()
      .references(() => practitioners.id, { onDelete: "restrict" }),
    serviceId: uuid("service_id")
      .notNull()
      .references(() => services.id, { onDelete: "restrict" }),
    weekdays: smallint("weekdays").array().notNull(),
    /** "HH:mm" on the location's clock. */
    localTime: text("local_time").notNull(),
    startsOn: date("starts_on").notNull(),
    /** The visits the plan calls for (the pattern's count), booked or not: the recall list counts from it. */
    visits: integer("visits").notNull(),
    createdByUserId: uuid("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    /**
     * The plan was stopped on purpose (the rest cancelled by the desk, or the patient): it leaves the recall
     * list. Null while the plan runs, however many visits are left.
     */
    endedAt: timestamp("ended_at", { withTimezone: true }),
    /** Why it was stopped, as a cancel reason code (lib/appointments/cancellation.ts). */
    endedReason: text("ended_reason"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("appointment_series_case_idx").on(t.caseId),
    check("appointment_series_visits_check", sql`${t.visits} between 1 and 52`),
    check("appointment_series_time_check", sql`${t.localTime} ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'`),
    check("appointment_series_weekdays_check", sql`cardinality(${t.weekdays}) between 1 and 7 and ${t.weekdays} <@ array[1,2,3,4,5,6,7]::smallint[]`),
  ],
);
