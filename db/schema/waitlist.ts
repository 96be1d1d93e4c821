import { sql } from "drizzle-orm";
import { bigserial, check, date, index, jsonb, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { appointments } from "./appointments";
import { locations, practitioners, services } from "./clinic";
import { priorityEnum } from "./enums";
import { patients } from "./patients";
import { users } from "./users";

/**
 * Someone waiting for a time that fits (issue 13): a service, optionally a practitioner and a location,
 * the days and parts of the day they can come, until a date. Joined by a known patient (portal, manage
 * link, the desk) or by a visitor who proved their email on /book (contact kept here, no record touched
 * until they accept an offer, which books through the normal lifecycle).
 */
export const waitlistEntries = pgTable(
  "waitlist_entries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    patientId: uuid("patient_id").references(() => patients.id, { onDelete: "restrict" }),
    /** The visitor's contact as typed ({ name, email, phone, dateOfBirth }); null for a known patient. */
    contact: jsonb("contact").$type<{ name: string; email: string; phone: string; dateOfBirth: string }>(),
    /** Where offers go (lower-case). */
    email: text("email").notNull(),
    /** The intake answers (lib/booking/schemas IntakeSchema), used when an offer is accepted. */
    intake: jsonb("intake").$type<{ painStartedOn: string; painScore: number; worseWith: string; redFlags: string[]; notes: string }>().notNull(),
    guardian: jsonb("guardian").$type<{ name: string; relationship: string; consent: true }>(),
    serviceId: uuid("service_id")
      .notNull()
      .references(() => services.id, { onDelete: "restrict" }),
    practitionerId: uuid("practitioner_id").references(() => practitioners.id, { onDelete: "restrict" }),
    locationId: uuid("location_id").references(() => locations.id, { onDelete: "restrict" }),
    /** ISO weekdays (1 = Monday … 7 = Sunday) on the location's clock. */
    weekdays: smallint("weekdays").array().notNull(),
    /** "morning" (before 12:00), "afternoon" (12:00–17:00), "evening" (from 17:00). */
    dayParts: text("day_parts").array().notNull(),
    until: date("until").notNull(),
    /** Triage priority of the answers (emergency first): the list's order, then time waited. */
    priority: priorityEnum("priority").notNull(),
    /** waiting → booked (an offer accepted) | left (the patient or the desk took them off) | expired (past `until`). */
    status: text("status").notNull().default("waiting"),
    appointmentId: uuid("appointment_id").references(() => appointments.id, { onDelete: "set null" }),
    createdByUserId: uuid("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("waitlist_entries_waiting_idx")
      .on(t.serviceId, t.priority, t.createdAt)
      .where(sql`${t.status} = 'waiting'`),
    index("waitlist_entries_patient_idx").on(t.patientId),
    check("waitlist_entries_status_check", sql`${t.status} in ('waiting', 'booked', 'left', 'expired')`),
    check("waitlist_entries_weekdays_check", sql`cardinality(${t.weekdays}) between 1 and 7 and ${t.weekdays} <@ array[1,2,3,4,5,6,7]::smallint[]`),
    check("waitlist_entries_day_parts_check", sql`cardinality(${t.dayParts}) between 1 and 3 and ${t.dayParts} <@ array['morning','afternoon','evening']::text[]`),
    check("waitlist_entries_who_check", sql`${t.patientId} is not null or ${t.contact} is not null`),
  ],
);

/**
 * A freed time offered to one waiting patient and held for them until `expires_at`. While `offered`, the
 * time is busy for everyone else (the availability loader counts it, and a trigger refuses any other
 * appointment over it); an exclusion constraint keeps two open offers of one practitioner from
 * overlapping, so a time is never offered twice at once, whatever number of instances run the job.
 */
export const waitlistOffers = pgTable(
  "waitlist_offers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    entryId: uuid("entry_id")
      .notNull()
      .references(() => waitlistEntries.id, { onDelete: "cascade" }),
    practitionerId: uuid("practitioner_id")
      .notNull()
      .references(() => practitioners.id, { onDelete: "restrict" }),
    serviceId: uuid("service_id")
      .notNull()
      .references(() => services.id, { onDelete: "restrict" }),
    locationId: uuid("location_id")
      .notNull()
      .references(() => locations.id, { onDelete: "restrict" }),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    blockedFrom: timestamp("blocked_from", { withTimezone: true }).notNull(),
    blockedUntil: timestamp("blocked_until", { withTimezone: true }).notNull(),
    /** offered → accepted | declined | expired (hold ran out) | lost (no longer free when accepted) | withdrawn (the desk). */
    status: text("status").notNull().default("offered"),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    /** When the time was freed (the cancellation): "how fast was it refilled" counts from here. */
    freedAt: timestamp("freed_at", { withTimezone: true }).notNull(),
    appointmentId: uuid("appointment_id").references(() => appointments.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    respondedAt: timestamp("responded_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("waitlist_offers_one_open_per_entry")
      .on(t.entryId)
      .where(sql`${t.status} = 'offered'`),
    index("waitlist_offers_open_idx")
      .on(t.practitionerId, t.blockedFrom, t.blockedUntil)
      .where(sql`${t.status} = 'offered'`),
    index("waitlist_offers_expiry_idx")
      .on(t.expiresAt)
      .where(sql`${t.status} = 'offered'`),
    index("waitlist_offers_entry_idx").on(t.entryId, t.startsAt),
    check("waitlist_offers_status_check", sql`${t.status} in ('offered', 'accepted', 'declined', 'expired', 'lost', 'withdrawn')`),
    check("waitlist_offers_order_check", sql`${t.startsAt} < ${t.endsAt} and ${t.blockedFrom} <= ${t.startsAt} and ${t.blockedUntil} >= ${t.endsAt}`),
  ],
);

/**
 * Times that became free (an appointment cancelled, moved or expired; time off or a closure removed;
 * hours added), written by triggers in the same transaction: the waitlist job takes them (SKIP LOCKED)
 * and offers what fits. A NOTIFY on commit wakes the job at once; a sweep each minute catches the rest.
 */
export const waitlistFreed = pgTable("waitlist_freed", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  practitionerId: uuid("practitioner_id").notNull(),
  freedFrom: timestamp("freed_from", { withTimezone: true }).notNull(),
  freedUntil: timestamp("freed_until", { withTimezone: true }).notNull(),
  freedAt: timestamp("freed_at", { withTimezone: true }).notNull().defaultNow(),
});
