import { sql } from "drizzle-orm";
import { boolean, check, foreignKey, index, integer, pgTable, text, timestamp, uuid, type AnyPgColumn } from "drizzle-orm/pg-core";
import { cases } from "./cases";
import { appointmentSeries } from "./series";
import { appointmentStatusEnum } from "./enums";
import { locations, practitioners, rooms, services } from "./clinic";
import { patients } from "./patients";

/**
 * starts_at/ends_at are what the patient sees; blocked_from/blocked_until add the service's buffers
 * (room turnover) as they were when booked. The exclusion constraint appointments_no_overlap
 * (hand-written migration) keeps two active appointments of one practitioner from overlapping on
 * [blocked_from, blocked_until).
 */
export const appointments = pgTable(
  "appointments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    patientId: uuid("patient_id")
      .notNull()
      .references(() => patients.id, { onDelete: "restrict" }),
    practitionerId: uuid("practitioner_id")
      .notNull()
      .references(() => practitioners.id, { onDelete: "restrict" }),
    serviceId: uuid("service_id")
      .notNull()
      .references(() => services.id, { onDelete: "restrict" }),
    locationId: uuid("location_id")
      .notNull()
      .references(() => locations.id, { onDelete: "restrict" }),
    /** The room held (services that need a room kind); always a room of this appointment's location. */
    roomId: uuid("room_id"),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    bufferBeforeMinutes: integer("buffer_before_minutes").notNull().default(0),
    bufferAfterMinutes: integer("buffer_after_minutes").notNull().default(0),
    blockedFrom: timestamp("blocked_from", { withTimezone: true }).notNull(),
    blockedUntil: timestamp("blocked_until", { withTimezone: true }).notNull(),
    status: appointmentStatusEnum("status").notNull().default("requested"),
    statusReason: text("status_reason"),
    /** "patient" or "clinic": who cancelled (a clinic cancellation of a request is a decline). */
    cancelledBy: text("cancelled_by"),
    /** Why it was cancelled, as a code (lib/appointments/cancellation.ts: CANCEL_REASONS); words at the edge. */
    cancelReason: text("cancel_reason"),
    /**
     * Cancelled on the patient's side inside the service's cutoff (a clinic-side reason never is): kept for
     * a later fee policy, counted on the desk's patient page with no-shows.
     */
    cancelledLate: boolean("cancelled_late").notNull().default(false),
    caseId: uuid("case_id").references((): AnyPgColumn => cases.id, { onDelete: "set null" }),
    /** A visit of a plan of care booked as a series (db/schema/series.ts). */
    seriesId: uuid("series_id").references((): AnyPgColumn => appointmentSeries.id, { onDelete: "set null" }),
    arrivedAt: timestamp("arrived_at", { withTimezone: true }),
    /**
     * An online request waiting for its sender to prove their email: it holds the time until then
     * (BOOKING_VERIFY_MINUTES) and touches no patient record. Null once verified, or for any other request.
     */
    verificationExpiresAt: timestamp("verification_expires_at", { withTimezone: true }),
    /** A new time the front desk proposed; the patient accepts it through the manage link. */
    proposedStartsAt: timestamp("proposed_starts_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("appointments_practitioner_time_idx").on(t.practitionerId, t.startsAt),
    // Covering index for the availability loader: active appointments of a practitioner by start,
    // with their blocked range, answered without reading the table.
    index("appointments_active_practitioner_idx")
      .on(t.practitionerId, t.startsAt, t.blockedFrom, t.blockedUntil, t.id)
      .where(sql`${t.status} in ('requested', 'confirmed', 'completed')`),
    foreignKey({ name: "appointments_room_location_fk", columns: [t.roomId, t.locationId], foreignColumns: [rooms.id, rooms.locationId] }).onDelete("restrict"),
    // The availability loader's rooms: active appointments of a room by start, with their blocked range.
    index("appointments_active_room_idx")
      .on(t.roomId, t.startsAt, t.blockedFrom, t.blockedUntil)
      .where(sql`${t.roomId} is not null and ${t.status} in ('requested', 'confirmed', 'completed')`),
    index("appointments_patient_idx").on(t.patientId, t.startsAt),
    // The desk's scheduler: one location's appointments over a day or a week.
    index("appointments_location_time_idx").on(t.locationId, t.startsAt),
    index("appointments_case_idx").on(t.caseId),
    index("appointments_series_idx").on(t.seriesId),
    index("appointments_pending_verification_idx")
      .on(t.verificationExpiresAt)
      .where(sql`${t.verificationExpiresAt} is not null`),
    check("appointments_order_check", sql`${t.startsAt} < ${t.endsAt}`),
    check(
      "appointments_blocked_check",
      sql`${t.blockedFrom} = ${t.startsAt} - make_interval(mins => ${t.bufferBeforeMinutes}) and ${t.blockedUntil} = ${t.endsAt} + make_interval(mins => ${t.bufferAfterMinutes})`,
    ),
    check("appointments_buffers_check", sql`${t.bufferBeforeMinutes} >= 0 and ${t.bufferAfterMinutes} >= 0`),
  ],
);

export type Appointment = typeof appointments.$inferSelect;
