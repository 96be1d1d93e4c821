import "server-only";
import { createHash } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { rowsOf } from "@/db/client";
import { PG, pgErrorCode } from "@/db/errors";
import { appointments, idempotencyKeys, intakes, locations, patients } from "@/db/schema";
import { appointmentWindow } from "@/lib/appointments/window";
import { recordAuditEvent } from "@/lib/audit";
import type { Role } from "@/lib/auth/roles";
import { getFreeSlots, type BookableService, type Slot } from "@/lib/availability";
import { nearestSlots } from "@/lib/availability/engine";
import { addDaysIso, localDate } from "@/lib/time";
import { nextStepFor, triageBooking, type BookingTriage } from "@/lib/triage/booking";
import type { HoldReason } from "@/lib/appointments/transitions";
import { asRedFlagCodes } from "@/lib/triage/red-flags";
import { verifyMinutes } from "@/lib/verification/challenges";
import { sendRequestChallenge } from "@/lib/verification/requests";
import { DomainError } from "@/lib/errors";
import { isMinorBirthDate } from "./schemas";
import { joinRecordAndRoute } from "./join";
import { sendPortalInvite } from "@/lib/accounts/links";
import { loadAppointmentDetails, manageUrl } from "./facts";
import { lockPractitionerCalendar } from "./lock";
import { assignRoom } from "@/lib/rooms/assign";
import { markOfferAccepted, takeHeldTime } from "@/lib/waitlist/hold";
import type { AppointmentRequest, PatientContact } from "./schemas";

export interface BookedAppointment {
  id: string;
  status: "requested" | "confirmed" | "pending_verification";
  /** Pending verification: until when the time is held. */
  verification?: { expiresAt: Date };
  start: Date;
  end: Date;
  timeZone: string;
  manageUrl: string;
  priority: BookingTriage["priority"];
  triage: BookingTriage & { nextStep: string };
}

export type BookingOutcome =
  | { kind: "created" | "replayed"; appointment: BookedAppointment }
  | { kind: "slot_taken" | "slot_unavailable"; alternatives: Slot[]; timeZone: string }
  | { kind: "unknown_service" }
  | { kind: "unknown_practitioner" }
  | { kind: "key_reused" };

export interface BookingContext {
  /** Who is booking: null for the public, or signed-in staff/patient. */
  actor: { id: string; role: Role; patientId?: string | null } | null;
  idempotencyKey?: string | null;
  baseUrl: string;
  now?: Date;
  /** /book: the address the visitor proved with a code before sending (lower-cased). */
  verifiedEmail?: string | null;
  /** The desk books from a patient's page: the request joins this record (the contact typed is not matched). */
  patientId?: string | null;
  /**
   * Accepting a waitlist offer (lib/waitlist): the time its hold keeps is free for this booking only, and
   * the booking joins the waiting patient's record when they had one.
   */
  waitlistOffer?: { id: string; patientId: string | null } | null;
}

const PENDING_NEXT_STEP = "Check your email: enter the code we sent you (or open the link in it) to send your request.";

class SlotTaken extends Error {}
class KeyReused extends Error {}
class Replay extends Error {
  constructor(readonly appointmentId: string) {
    super("replay");
  }
}

const hashOf = (input: AppointmentRequest) => createHash("sha256").update(JSON.stringify(input)).digest("hex");

/**
 * Creates an appointment request in one transaction: the patient (found or created), the appointment,
 * its intake and the confirmation email in the outbox. The exclusion constraint is the arbiter of
 * conflicts: a lost race answers slot_taken with the nearest free alternatives. With an idempotency key,
 * a retry of the same request returns the same appointment; another request under the key is refused.
 */
export async function createAppointmentRequest(db: Db, input: AppointmentRequest, ctx: BookingContext): Promise<BookingOutcome> {
  const now = ctx.now ?? new Date();
  const start = new Date(input.start);

  if (ctx.idempotencyKey) {
    const replay = await findReplay(db, ctx.idempotencyKey, hashOf(input));
    if (replay === "key_reused") return { kind: "key_reused" };
    if (replay) return { kind: "replayed", appointment: await describeBooked(db, replay, ctx.baseUrl) };
  }

  // Is the time an offered slot? The same engine the patient saw, for that practitioner around that day
  // (a day either side covers any time zone).
  const day = start.toISOString().slice(0, 10);
  const around = await getFreeSlots(db, {
    serviceSlug: input.service,
    practitionerId: input.practitionerId,
    from: addDaysIso(day, -1),
    to: addDaysIso(day, 1),
    now,
    exceptOfferId: ctx.waitlistOffer?.id,
  });
  if (!around.service) return { kind: "unknown_service" };
  const service = around.service;
  const offered = around.slots.some((s) => s.start.getTime() === start.getTime());
  if (!offered) {
    const known = await practitionerOffers(db, input.practitionerId, service.id);
    if (!known) return { kind: "unknown_practitioner" };
    const kind = around.isWithinHours(input.practitionerId, start) ? "slot_taken" : "slot_unavailable";
    return { kind, ...(await alternativesFor(db, input, start, now)) };
  }

  const ownTriage = triageBooking({ redFlags: input.intake.redFlags });
  // Someone not signed in, who has not proved the address: the request stands on its own until they do.
  const pending = !ctx.actor && !(ctx.verifiedEmail && ctx.verifiedEmail === input.patient.email.toLowerCase());
  try {
    // Two requests inserting overlapping appointments at the same moment can deadlock inside the
    // exclusion check; PostgreSQL aborts one (40P01). Retrying lets it see the winner and answer 409.
    const booked = await retryOnDeadlock(() =>
      db.transaction(async (tx) => {
        if (ctx.idempotencyKey) await claimKey(tx, ctx.idempotencyKey, hashOf(input));
        const patientId = pending ? await createProvisionalPatient(tx, input.patient) : (ctx.waitlistOffer?.patientId ?? (await findOrCreatePatient(tx, input.patient, ctx.actor, ctx.patientId)));
        const locationId = await locationOf(tx, input.practitionerId, start);
        await lockPractitionerCalendar(tx, input.practitionerId);
        if (ctx.waitlistOffer) await takeHeldTime(tx, ctx.waitlistOffer.id, now);
        const window = appointmentWindow(service, start);
        const roomId = await assignRoom(tx, { serviceId: service.id, locationId, blockedFrom: window.blockedFrom, blockedUntil: window.blockedUntil });
        let created: { id: string };
        try {
          // Every appointment starts as a request; the lifecycle's "route" move decides below whether it
          // is confirmed at once.
          [created] = (await tx
            .insert(appointments)
            .values({
              patientId,
              practitionerId: input.practitionerId,
              serviceId: service.id,
              locationId,
              roomId,
              ...appointmentWindow(service, start),
              verificationExpiresAt: pending ? new Date(now.getTime() + verifyMinutes() * 60_000) : null,
            })
            .returning({ id: appointments.id })) as [{ id: string }];
        } catch (err) {
          if (pgErrorCode(err) === PG.exclusionViolation) throw new SlotTaken();
          throw err;
        }
        if (ctx.waitlistOffer) await markOfferAccepted(tx, ctx.waitlistOffer.id, created.id, now);
        const minor = isMinorBirthDate(input.patient.dateOfBirth, localDate(now, around.timeZone));
        await tx.insert(intakes).values({
          appointmentId: created.id,
          painStartedOn: input.intake.painStartedOn,
          painScore: input.intake.painScore,
          worseWith: input.intake.worseWith,
          redFlags: input.intake.redFlags,
          notes: input.intake.notes,
          // The front desk booking for a patient on the phone types the answers; otherwise the patient does.
          enteredBy: ctx.actor?.role === "staff" || ctx.actor?.role === "admin" ? "staff" : "patient",
          enteredByUserId: ctx.actor?.role === "staff" || ctx.actor?.role === "admin" ? ctx.actor.id : null,
          priority: ownTriage.priority,
          ...(minor && input.guardian ? { guardianName: input.guardian.name, guardianRelationship: input.guardian.relationship, guardianConsentAt: now } : {}),
        });
        await recordAuditEvent(tx, {
          actor: ctx.actor,
          action: "appointment.requested",
          patientId,
          entityType: "appointment",
          entityId: created.id,
          details: { service: service.slug, priority: ownTriage.priority, ...(pending ? { pendingVerification: true } : {}) },
        });
        if (ctx.idempotencyKey) await tx.update(idempotencyKeys).set({ appointmentId: created.id }).where(eq(idempotencyKeys.key, ctx.idempotencyKey));
        if (pending) {
          // Its own answers are triaged at once (an emergency reaches the desk now); nothing else happens
          // until the sender proves the address.
          const challenge = await sendRequestChallenge(tx, { appointmentId: created.id, email: input.patient.email, baseUrl: ctx.baseUrl, now, emergency: ownTriage.showEmergencyAdvice });
          return { id: created.id, status: "pending_verification" as const, triage: { ...ownTriage, nextStep: PENDING_NEXT_STEP }, verification: { expiresAt: challenge.expiresAt } };
        }
        const joined = await joinRecordAndRoute(tx, { appointmentId: created.id, actor: ctx.actor, baseUrl: ctx.baseUrl, now });
        // The visitor proved the address with a code: its owner may have portal access (no-op with an account).
        if (!ctx.actor) await sendPortalInvite(tx, { patientId, actor: null });
        return { id: created.id, ...joined };
      }),
    );
    const window = appointmentWindow(service, start);
    return {
      kind: "created",
      appointment: {
        id: booked.id,
        status: booked.status,
        start: window.startsAt,
        end: window.endsAt,
        timeZone: around.timeZone,
        manageUrl: manageUrl(ctx.baseUrl, booked.id),
        priority: booked.triage.priority,
        triage: booked.triage,
        ...("verification" in booked ? { verification: booked.verification } : {}),
      },
    };
  } catch (err) {
    if (err instanceof SlotTaken) return { kind: "slot_taken", ...(await alternativesFor(db, input, start, now)) };
    if (err instanceof KeyReused) return { kind: "key_reused" };
    if (err instanceof Replay) return { kind: "replayed", appointment: await describeBooked(db, err.appointmentId, ctx.baseUrl) };
    throw err;
  }
}

async function retryOnDeadlock<T>(run: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (err) {
      const code = pgErrorCode(err);
      if (attempt >= attempts || (code !== PG.deadlock && code !== PG.serializationFailure)) throw err;
    }
  }
}

/** Up to 3 free times of the same practitioner nearest to the one asked for, within a week after it. */
async function alternativesFor(db: Db, input: AppointmentRequest, start: Date, now: Date): Promise<{ alternatives: Slot[]; timeZone: string }> {
  const day = start.toISOString().slice(0, 10);
  const fresh = await getFreeSlots(db, { serviceSlug: input.service, practitionerId: input.practitionerId, from: addDaysIso(day, -1), to: addDaysIso(day, 7), now });
  return { alternatives: nearestSlots(fresh.slots, start, 3), timeZone: fresh.timeZone };
}

async function findReplay(db: Db, key: string, hash: string): Promise<string | "key_reused" | null> {
  const [row] = await db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, key)).limit(1);
  if (!row) return null;
  if (row.requestHash !== hash) return "key_reused";
  return row.appointmentId;
}

/**
 * Takes the key inside the booking transaction. A concurrent request with the same key waits on the
 * row until this transaction ends, then sees the appointment (or, if this one failed, takes the key).
 */
async function claimKey(tx: Tx, key: string, hash: string): Promise<void> {
  const inserted = await tx.insert(idempotencyKeys).values({ key, requestHash: hash }).onConflictDoNothing().returning({ key: idempotencyKeys.key });
  if (inserted.length) return;
  const [row] = await tx.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, key)).limit(1);
  if (!row || row.requestHash !== hash) throw new KeyReused();
  if (row.appointmentId) throw new Replay(row.appointmentId);
  throw new KeyReused();
}

async function findOrCreatePatient(tx: Tx, contact: PatientContact, actor: BookingContext["actor"], patientId?: string | null): Promise<string> {
  // A signed-in patient books for themselves.
  if (actor?.role === "patient" && actor.patientId) return actor.patientId;
  // The desk, from the patient's page: that record (a provisional one is linked first, never booked for).
  if (patientId && (actor?.role === "staff" || actor?.role === "admin")) {
    const [known] = await tx
      .select({ id: patients.id })
      .from(patients)
      .where(and(eq(patients.id, patientId), eq(patients.isProvisional, false)));
    if (!known) throw new DomainError("not_found", "patient");
    return known.id;
  }
  const [existing] = await tx
    .select({ id: patients.id })
    .from(patients)
    .where(and(eq(sql`lower(${patients.email})`, contact.email), eq(patients.dateOfBirth, contact.dateOfBirth), eq(patients.isProvisional, false)))
    .orderBy(patients.createdAt)
    .limit(1);
  if (existing) return existing.id;
  const [created] = await tx.insert(patients).values({ fullName: contact.name, email: contact.email, phone: contact.phone, dateOfBirth: contact.dateOfBirth }).returning({ id: patients.id });
  return created!.id;
}

/** A record of its own for a request not yet verified: never matched with anyone until the address is proved. */
async function createProvisionalPatient(tx: Tx, contact: PatientContact): Promise<string> {
  const [created] = await tx
    .insert(patients)
    .values({ fullName: contact.name, email: contact.email, phone: contact.phone, dateOfBirth: contact.dateOfBirth, isProvisional: true })
    .returning({ id: patients.id });
  return created!.id;
}

/**
 * Where a practitioner works at an instant: the location whose working hours (read on that location's
 * clock: weekday, time, effective dates) contain it; else any location with hours in force that day;
 * else the clinic's first location.
 */
export async function locationOf(tx: Tx, practitionerId: string, at: Date): Promise<string> {
  const ts = at.toISOString();
  const [row] = rowsOf<{ location_id: string }>(
    await tx.execute(sql`
      select wh.location_id
      from working_hours wh join locations l on l.id = wh.location_id,
        lateral (select (${ts}::timestamptz at time zone l.time_zone) as local) t
      where wh.practitioner_id = ${practitionerId}
        and wh.effective_from <= t.local::date and (wh.effective_until is null or wh.effective_until >= t.local::date)
      order by (extract(isodow from t.local) = wh.weekday and t.local::time >= wh.start_time and t.local::time < wh.end_time) desc, wh.location_id
      limit 1`),
  );
  if (row) return row.location_id;
  const [first] = await tx.select({ id: locations.id }).from(locations).orderBy(locations.createdAt, locations.id).limit(1);
  return first!.id;
}

async function practitionerOffers(db: Db, practitionerId: string, serviceId: string): Promise<boolean> {
  const rows = await db.execute(
    sql`select 1 from practitioner_services ps join practitioners p on p.id = ps.practitioner_id where ps.practitioner_id = ${practitionerId} and ps.service_id = ${serviceId} and p.is_active`,
  );
  return rowsOf(rows).length > 0;
}

async function describeBooked(db: Db, appointmentId: string, baseUrl: string): Promise<BookedAppointment> {
  const details = (await loadAppointmentDetails(db, appointmentId))!;
  const own = triageBooking({ redFlags: asRedFlagCodes(details.redFlags ?? []) });
  const triage = { ...own, priority: details.priority ?? own.priority };
  const pending = details.status === "requested" && details.verificationExpiresAt !== null;
  const heldBecause: HoldReason[] = details.status === "requested" && details.isHandsOn && triage.priority !== "routine" ? ["hands_on_gate"] : [];
  return {
    id: details.id,
    status: pending ? "pending_verification" : (details.status as "requested" | "confirmed"),
    ...(pending ? { verification: { expiresAt: details.verificationExpiresAt! } } : {}),
    start: details.startsAt,
    end: details.endsAt,
    timeZone: details.timeZone,
    manageUrl: manageUrl(baseUrl, details.id),
    priority: triage.priority,
    triage: {
      ...triage,
      nextStep: pending ? PENDING_NEXT_STEP : nextStepFor({ status: details.status, showEmergencyAdvice: triage.showEmergencyAdvice, heldBecause }),
    },
  };
}

export type { BookableService };
