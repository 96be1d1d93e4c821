import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { rowsOf } from "@/db/client";
import { PG, pgErrorCode } from "@/db/errors";
import { appointments, intakes, patients, services, waitlistEntries, waitlistOffers } from "@/db/schema";
import { schemaFields } from "@/lib/actions/result";
import type { Actor } from "@/lib/appointments/commands";
import { appointmentWindow } from "@/lib/appointments/window";
import { recordAuditEvent } from "@/lib/audit";
import { getFreeSlots, type Slot } from "@/lib/availability";
import { createAppointmentRequest, type BookedAppointment } from "@/lib/booking/create";
import { lockPractitionerCalendar } from "@/lib/booking/lock";
import { isMinorBirthDate, type AppointmentRequest } from "@/lib/booking/schemas";
import { getClinic } from "@/lib/clinic/context";
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors";
import { enqueueEmail } from "@/lib/notifications/outbox";
import { waitlistOfferEmail } from "@/lib/notifications/templates";
import { signId, verifySignedId } from "@/lib/secrets";
import { addDaysIso, localDate } from "@/lib/time";
import { triageBooking } from "@/lib/triage/booking";
import { asRedFlagCodes } from "@/lib/triage/red-flags";
import { OfferGone, type OfferGoneReason } from "./hold";
import { OFFER_PURPOSE } from "./offer-token";
import { canJoinWaitlistFor } from "./policy";
import { JoinWaitlistSchema, type JoinWaitlistInput } from "./schemas";
import { fitsWindows } from "./match";
import { hoursMeetWindows } from "./windows";

/**
 * The waitlist (issue 13): patients wait for a service (optionally a practitioner, a location) in windows
 * until a date; a freed time is offered to the first who fits — triage priority, then time waited — and
 * held for them for WAITLIST_HOLD_MINUTES; accepting books through the normal booking path (triage, the
 * hands-on gate, verification). The database notes freed times (triggers on appointments, time off,
 * closures, hours) and holds the offered time against everyone else (a trigger and an exclusion
 * constraint on open offers); the job (lib/jobs) runs processWaitlist.
 */

export { OFFER_PURPOSE };
export const offerUrl = (baseUrl: string, offerId: string) => `${baseUrl}/waitlist/${signId(OFFER_PURPOSE, offerId)}`;
export const offerIdFromToken = (token: string) => verifySignedId(OFFER_PURPOSE, token);
export const holdMinutes = () => env().WAITLIST_HOLD_MINUTES;

function fieldError(field: string, text: string): never {
  throw new DomainError("invalid", "default", { fields: { [field]: { text } } });
}

type JoinContext = {
  actor: (Actor & { patientId?: string | null }) | null;
  /** The known patient (a signed-in patient, the manage link's, the desk's). */
  patientId?: string | null;
  /** A visitor on /book: the address they proved with a code. */
  verifiedEmail?: string | null;
  /** The caller checked an appointment's manage link, and patientId is that appointment's patient. */
  viaManageLink?: boolean;
  now?: Date;
};

/** The answers a known patient gave last (the manage page and the desk do not ask them again). */
export async function latestIntakeOf(db: Db | Tx, patientId: string) {
  const [row] = await db
    .select({ painStartedOn: intakes.painStartedOn, painScore: intakes.painScore, worseWith: intakes.worseWith, redFlags: intakes.redFlags, notes: intakes.notes })
    .from(intakes)
    .innerJoin(appointments, eq(appointments.id, intakes.appointmentId))
    .where(eq(appointments.patientId, patientId))
    .orderBy(desc(appointments.createdAt))
    .limit(1);
  return row ? { ...row, redFlags: [...(row.redFlags ?? [])] } : null;
}

/** Puts someone on the waitlist: checked, never a window nobody works in; audited. */
export async function joinWaitlist(db: Db, raw: JoinWaitlistInput, ctx: JoinContext): Promise<{ entryId: string; showEmergencyAdvice: boolean }> {
  const now = ctx.now ?? new Date();
  if (!canJoinWaitlistFor(ctx.actor, ctx.patientId ?? null, ctx.viaManageLink)) throw new DomainError("forbidden");
  const parsed = JoinWaitlistSchema.safeParse(raw);
  if (!parsed.success) throw new DomainError("invalid", "default", { fields: schemaFields(parsed.error) });
  const input = parsed.data;

  const [service] = await db
    .select({ id: services.id, name: services.name })
    .from(services)
    .where(and(eq(services.slug, input.service), eq(services.isActive, true)));
  if (!service) fieldError("service", "Choose a service from the list");

  // A signed-in patient is on the list as themselves.
  let patientId: string | null = ctx.patientId ?? (ctx.actor?.role === "patient" ? (ctx.actor.patientId ?? null) : null);
  let email: string;
  let dateOfBirth: string | null;
  if (patientId) {
    const [p] = await db.select({ email: patients.email, dateOfBirth: patients.dateOfBirth, isProvisional: patients.isProvisional }).from(patients).where(eq(patients.id, patientId));
    if (!p || p.isProvisional) throw new DomainError("not_found", "patient");
    email = p.email.toLowerCase();
    dateOfBirth = p.dateOfBirth;
  } else {
    if (!input.patient) fieldError("patient.name", "Enter your details");
    // Offers go by email: a visitor proves the address first (the same code as booking).
    if (!ctx.verifiedEmail || ctx.verifiedEmail !== input.patient.email) fieldError("emailCode", "Enter the code we emailed you first");
    email = input.patient.email;
    dateOfBirth = input.patient.dateOfBirth;
    patientId = null;
  }
  if (dateOfBirth && input.intake.painStartedOn < dateOfBirth) fieldError("intake.painStartedOn", "The pain cannot start before the date of birth");
  if (dateOfBirth && isMinorBirthDate(dateOfBirth) && !input.guardian) fieldError("guardian.name", "Under 18: a parent or guardian must consent");

  // Windows somebody works in (the chosen practitioner, or anyone offering the service).
  const hours = rowsOf<{ practitioner_id: string; weekday: number; start_time: string; end_time: string }>(
    await db.execute(sql`
      select wh.practitioner_id, wh.weekday, wh.start_time::text, wh.end_time::text
      from working_hours wh
      join practitioner_services ps on ps.practitioner_id = wh.practitioner_id and ps.service_id = ${service.id}
      join practitioners p on p.id = wh.practitioner_id and p.is_active
      where (wh.effective_until is null or wh.effective_until >= ${localDate(now, "UTC")}::date)
        and wh.effective_from <= ${input.windows.until}::date
        and (${input.practitionerId}::uuid is null or wh.practitioner_id = ${input.practitionerId}::uuid)
        and (${input.locationId}::uuid is null or wh.location_id = ${input.locationId}::uuid)`),
  );
  if (input.practitionerId && !hours.length) {
    const offers = rowsOf(await db.execute(sql`select 1 from practitioner_services where practitioner_id = ${input.practitionerId}::uuid and service_id = ${service.id}`));
    if (!offers.length) fieldError("practitionerChoice", `They do not offer ${service.name}: choose someone else or anyone`);
  }
  if (
    !hoursMeetWindows(
      input.windows,
      hours.map((h) => ({ weekday: h.weekday, startTime: h.start_time, endTime: h.end_time })),
    )
  ) {
    fieldError("windows.weekdays", `Nobody offers ${service.name} on those days at those times: choose more days or parts of the day`);
  }

  const duplicate = rowsOf(
    await db.execute(sql`select 1 from waitlist_entries where status = 'waiting' and service_id = ${service.id} and lower(email) = ${email}
      and (${patientId}::uuid is null or patient_id = ${patientId}::uuid)`),
  );
  if (duplicate.length) fieldError("service", `You are already on the waitlist for ${service.name}`);

  const triage = triageBooking({ redFlags: asRedFlagCodes(input.intake.redFlags) });
  return db.transaction(async (tx) => {
    const [entry] = await tx
      .insert(waitlistEntries)
      .values({
        patientId,
        contact: patientId ? null : input.patient!,
        email,
        intake: input.intake,
        guardian: input.guardian ?? null,
        serviceId: service.id,
        practitionerId: input.practitionerId,
        locationId: input.locationId,
        weekdays: input.windows.weekdays,
        dayParts: input.windows.dayParts,
        until: input.windows.until,
        priority: triage.priority,
        createdByUserId: ctx.actor?.id ?? null,
      })
      .returning({ id: waitlistEntries.id });
    await recordAuditEvent(tx, {
      actor: ctx.actor,
      action: "waitlist.joined",
      patientId,
      entityType: "waitlist_entry",
      entityId: entry!.id,
      details: { service: input.service, priority: triage.priority },
    });
    // Someone may already fit a time that is free now: the job looks at once.
    await tx.execute(sql`select pg_notify('backline_waitlist', '')`);
    return { entryId: entry!.id, showEmergencyAdvice: triage.showEmergencyAdvice };
  });
}

/** Takes someone off the list (the patient from an offer's link, or the desk); open offers are withdrawn. */
export async function leaveWaitlist(db: Db, input: { entryId: string; actor: Actor | null; now?: Date }): Promise<void> {
  const now = input.now ?? new Date();
  await db.transaction(async (tx) => {
    const [entry] = await tx
      .update(waitlistEntries)
      .set({ status: "left", updatedAt: now })
      .where(and(eq(waitlistEntries.id, input.entryId), eq(waitlistEntries.status, "waiting")))
      .returning();
    if (!entry) throw new DomainError("not_found", "waitlist_entry");
    const withdrawn = await tx
      .update(waitlistOffers)
      .set({ status: "withdrawn", respondedAt: now })
      .where(and(eq(waitlistOffers.entryId, entry.id), eq(waitlistOffers.status, "offered")))
      .returning({ practitionerId: waitlistOffers.practitionerId, blockedFrom: waitlistOffers.blockedFrom, blockedUntil: waitlistOffers.blockedUntil });
    for (const o of withdrawn) await noteFreed(tx, o.practitionerId, o.blockedFrom, o.blockedUntil);
    await recordAuditEvent(tx, { actor: input.actor, action: "waitlist.left", patientId: entry.patientId, entityType: "waitlist_entry", entityId: entry.id });
  });
}

async function noteFreed(tx: Tx, practitionerId: string, from: Date, until: Date) {
  await tx.execute(sql`select note_waitlist_freed(${practitionerId}::uuid, ${from.toISOString()}::timestamptz, ${until.toISOString()}::timestamptz)`);
}

interface Candidate {
  id: string;
  patient_id: string | null;
  email: string;
  contact_name: string | null;
  patient_name: string | null;
  service_id: string;
  slug: string;
  weekdays: number[];
  day_parts: string[];
  until: string;
  location_id: string | null;
}

/**
 * One run of the waitlist job: holds that ran out pass on; freed times (claimed with SKIP LOCKED, so two
 * instances never take the same one) are offered to whoever fits first. Returns what it did.
 */
export async function processWaitlist(db: Db, options: { baseUrl: string; now?: Date; holdMinutes?: number }): Promise<{ expired: number; offered: number }> {
  const now = options.now ?? new Date();
  const hold = options.holdMinutes ?? holdMinutes();
  const expired = await db.transaction(async (tx) => {
    const rows = await tx
      .update(waitlistOffers)
      .set({ status: "expired", respondedAt: now })
      .where(and(eq(waitlistOffers.status, "offered"), sql`${waitlistOffers.expiresAt} <= ${now.toISOString()}::timestamptz`))
      .returning({ practitionerId: waitlistOffers.practitionerId, blockedFrom: waitlistOffers.blockedFrom, blockedUntil: waitlistOffers.blockedUntil });
    // The time goes to the next in line (the patient who let it pass stays on the list).
    for (const o of rows) await noteFreed(tx, o.practitionerId, o.blockedFrom, o.blockedUntil);
    await tx.execute(sql`update waitlist_entries set status = 'expired', updated_at = now() where status = 'waiting' and until < ${localDate(now, "UTC")}::date - 1`);
    return rows.length;
  });

  let offered = 0;
  for (let batch = 0; batch < 50; batch++) {
    const claimed = await db.transaction(async (tx) => {
      const freed = rowsOf<{ practitioner_id: string; freed_from: string | Date; freed_until: string | Date; freed_at: string | Date }>(
        await tx.execute(sql`
          delete from waitlist_freed where id in (select id from waitlist_freed order by id limit 20 for update skip locked)
          returning practitioner_id, freed_from, freed_until, freed_at`),
      );
      // One pass per practitioner over the span of their freed times.
      const byPractitioner = new Map<string, { from: Date; until: Date; freedAt: Date }>();
      for (const f of freed) {
        const span = { from: new Date(f.freed_from), until: new Date(f.freed_until), freedAt: new Date(f.freed_at) };
        const seen = byPractitioner.get(f.practitioner_id);
        byPractitioner.set(
          f.practitioner_id,
          seen
            ? { from: seen.from < span.from ? seen.from : span.from, until: seen.until > span.until ? seen.until : span.until, freedAt: seen.freedAt < span.freedAt ? seen.freedAt : span.freedAt }
            : span,
        );
      }
      for (const [practitionerId, span] of [...byPractitioner].sort(([a], [b]) => a.localeCompare(b))) {
        offered += await offerFreedTime(tx, { practitionerId, ...span, now, holdMinutes: hold, baseUrl: options.baseUrl });
      }
      return freed.length;
    });
    if (!claimed) break;
  }
  return { expired, offered };
}

/** Offers the free times of one practitioner inside a freed span, in list order, until nobody fits. */
async function offerFreedTime(tx: Tx, input: { practitionerId: string; from: Date; until: Date; freedAt: Date; now: Date; holdMinutes: number; baseUrl: string }): Promise<number> {
  const from = input.from < input.now ? input.now : input.from;
  if (input.until <= from) return 0;
  await lockPractitionerCalendar(tx, input.practitionerId);
  let made = 0;
  for (let round = 0; round < 20; round++) {
    // Triage priority first (the enum's order: emergency … routine), then who has waited longest.
    const candidates = rowsOf<Candidate>(
      await tx.execute(sql`
        select e.id, e.patient_id, e.email, e.contact->>'name' as contact_name, pt.full_name as patient_name, e.service_id, s.slug,
          e.weekdays, e.day_parts, e.until::text, e.location_id
        from waitlist_entries e
        join services s on s.id = e.service_id and s.is_active
        join practitioner_services ps on ps.service_id = e.service_id and ps.practitioner_id = ${input.practitionerId}::uuid
        left join patients pt on pt.id = e.patient_id
        where e.status = 'waiting' and (e.practitioner_id is null or e.practitioner_id = ${input.practitionerId}::uuid)
          and e.until >= ${localDate(from, "UTC")}::date - 1
          and not exists (select 1 from waitlist_offers o where o.entry_id = e.id and o.status = 'offered')
        order by e.priority, e.created_at, e.id
        limit 500`),
    );
    if (!candidates.length) return made;
    const slotsByService = new Map<string, { slots: Slot[]; timeZone: string }>();
    let chosen: { entry: Candidate; slot: Slot; locationId: string; timeZone: string } | null = null;
    for (const entry of candidates) {
      let free = slotsByService.get(entry.slug);
      if (!free) {
        const fromDay = localDate(from, "UTC");
        const result = await getFreeSlots(tx, {
          serviceSlug: entry.slug,
          practitionerId: input.practitionerId,
          from: addDaysIso(fromDay, -1),
          to: addDaysIso(localDate(input.until, "UTC"), 1),
          now: input.now,
        });
        free = { slots: result.slots.filter((s) => s.start < input.until && s.end > from && s.start >= input.now), timeZone: result.timeZone };
        slotsByService.set(entry.slug, free);
      }
      for (const slot of free.slots) {
        const [loc] = rowsOf<{ location_id: string; time_zone: string }>(
          await tx.execute(sql`
            select l.id as location_id, l.time_zone from working_hours wh join locations l on l.id = wh.location_id,
              lateral (select (${slot.start.toISOString()}::timestamptz at time zone l.time_zone) as local) t
            where wh.practitioner_id = ${input.practitionerId}::uuid
              and wh.effective_from <= t.local::date and (wh.effective_until is null or wh.effective_until >= t.local::date)
              and extract(isodow from t.local) = wh.weekday and t.local::time >= wh.start_time and t.local::time < wh.end_time
            limit 1`),
        );
        if (!loc || (entry.location_id && entry.location_id !== loc.location_id)) continue;
        if (!fitsWindows({ weekdays: entry.weekdays.map(Number), dayParts: entry.day_parts, until: entry.until }, slot.start, loc.time_zone)) continue;
        const offeredBefore = rowsOf(
          await tx.execute(
            sql`select 1 from waitlist_offers where entry_id = ${entry.id}::uuid and practitioner_id = ${input.practitionerId}::uuid and starts_at = ${slot.start.toISOString()}::timestamptz`,
          ),
        );
        if (offeredBefore.length) continue;
        chosen = { entry, slot, locationId: loc.location_id, timeZone: loc.time_zone };
        break;
      }
      if (chosen) break;
    }
    if (!chosen) return made;
    if (!(await makeOffer(tx, { ...chosen, practitionerId: input.practitionerId, freedAt: input.freedAt, now: input.now, holdMinutes: input.holdMinutes, baseUrl: input.baseUrl }))) return made;
    made++;
  }
  return made;
}

async function makeOffer(
  tx: Tx,
  input: { entry: Candidate; slot: Slot; locationId: string; timeZone: string; practitionerId: string; freedAt: Date; now: Date; holdMinutes: number; baseUrl: string },
): Promise<boolean> {
  const [service] = await tx.select().from(services).where(eq(services.id, input.entry.service_id));
  const window = appointmentWindow(service!, input.slot.start);
  const expiresAt = new Date(input.now.getTime() + input.holdMinutes * 60_000);
  let offerId: string;
  try {
    const [row] = await tx.transaction((sp) =>
      sp
        .insert(waitlistOffers)
        .values({
          entryId: input.entry.id,
          practitionerId: input.practitionerId,
          serviceId: input.entry.service_id,
          locationId: input.locationId,
          startsAt: window.startsAt,
          endsAt: window.endsAt,
          blockedFrom: window.blockedFrom,
          blockedUntil: window.blockedUntil,
          expiresAt,
          freedAt: input.freedAt,
        })
        .returning({ id: waitlistOffers.id }),
    );
    offerId = row!.id;
  } catch (err) {
    // Another open offer overlaps (it cannot, under the calendar lock; the constraint has the last word).
    if (pgErrorCode(err) === PG.exclusionViolation || pgErrorCode(err) === PG.uniqueViolation) return false;
    throw err;
  }
  const [names] = rowsOf<{ practitioner: string; location: string; address: string }>(
    await tx.execute(
      sql`select p.display_name as practitioner, l.name as location, l.address from practitioners p, locations l where p.id = ${input.practitionerId}::uuid and l.id = ${input.locationId}::uuid`,
    ),
  );
  const clinic = await getClinic(tx);
  await enqueueEmail(tx, {
    kind: "waitlist_offer",
    to: input.entry.email,
    content: waitlistOfferEmail(
      {
        patientName: input.entry.patient_name ?? input.entry.contact_name ?? "",
        serviceName: service!.name,
        practitionerName: names?.practitioner ?? "",
        startsAt: window.startsAt,
        timeZone: input.timeZone,
        locationName: names?.location ?? "",
        locationAddress: names?.address ?? "",
        status: "requested",
        manageUrl: offerUrl(input.baseUrl, offerId),
        clinicName: clinic.name,
        emergencyNumber: clinic.emergencyNumber,
      },
      expiresAt,
    ),
    dedupeKey: `waitlist-offer:${offerId}`,
  });
  await recordAuditEvent(tx, {
    actor: null,
    action: "waitlist.offered",
    patientId: input.entry.patient_id,
    entityType: "waitlist_offer",
    entityId: offerId,
    details: { entryId: input.entry.id, practitionerId: input.practitionerId, startsAt: window.startsAt.toISOString() },
  });
  return true;
}

export type AcceptOutcome =
  | { kind: "booked"; appointment: BookedAppointment }
  | { kind: "gone"; reason: OfferGoneReason }
  /** The time is no longer free (for example its room was taken): the patient stays on the list. */
  | { kind: "taken" };

/** The offer behind a link, or null for a link that is not one. */
async function offerBehind(db: Db, token: string) {
  const offerId = offerIdFromToken(token);
  if (!offerId) return null;
  const [row] = await db
    .select({ offer: waitlistOffers, entry: waitlistEntries, serviceSlug: services.slug })
    .from(waitlistOffers)
    .innerJoin(waitlistEntries, eq(waitlistEntries.id, waitlistOffers.entryId))
    .innerJoin(services, eq(services.id, waitlistOffers.serviceId))
    .where(eq(waitlistOffers.id, offerId));
  return row ?? null;
}

/**
 * Accepts an offer from its emailed link (the link proves the address): books through the normal path
 * with the hold as its own. Concurrent accepts of one offer give one booking; the others are told.
 */
export async function acceptOffer(db: Db, token: string, options: { baseUrl: string; now?: Date }): Promise<AcceptOutcome> {
  const now = options.now ?? new Date();
  const found = await offerBehind(db, token);
  if (!found) throw new DomainError("not_found", "waitlist_offer");
  const { offer, entry } = found;
  if (offer.status !== "offered") return { kind: "gone", reason: offer.status as OfferGoneReason };
  if (offer.expiresAt.getTime() <= now.getTime()) return { kind: "gone", reason: "expired" };

  let contact = entry.contact;
  if (entry.patientId) {
    const [p] = await db.select({ name: patients.fullName, email: patients.email, phone: patients.phone, dateOfBirth: patients.dateOfBirth }).from(patients).where(eq(patients.id, entry.patientId));
    contact = { name: p!.name, email: entry.email, phone: p!.phone, dateOfBirth: p!.dateOfBirth ?? "1900-01-01" };
  }
  const request: AppointmentRequest = {
    service: found.serviceSlug,
    practitionerId: offer.practitionerId,
    start: offer.startsAt.toISOString(),
    patient: { ...contact!, email: entry.email },
    intake: { ...entry.intake, redFlags: asRedFlagCodes(entry.intake.redFlags) },
    ...(entry.guardian ? { guardian: entry.guardian } : {}),
  };
  try {
    const outcome = await createAppointmentRequest(db, request, {
      actor: null,
      baseUrl: options.baseUrl,
      now,
      verifiedEmail: entry.email,
      waitlistOffer: { id: offer.id, patientId: entry.patientId },
    });
    if (outcome.kind === "created" || outcome.kind === "replayed") return { kind: "booked", appointment: outcome.appointment };
    // Accepted a moment ago by another tap of the same link: say so rather than "taken".
    const [current] = await db.select({ status: waitlistOffers.status }).from(waitlistOffers).where(eq(waitlistOffers.id, offer.id));
    if (current && current.status !== "offered") return { kind: "gone", reason: current.status as OfferGoneReason };
    // Not free any more for a reason the hold does not cover (a room): the offer is lost, the patient waits on.
    await db
      .update(waitlistOffers)
      .set({ status: "lost", respondedAt: now })
      .where(and(eq(waitlistOffers.id, offer.id), eq(waitlistOffers.status, "offered")));
    return { kind: "taken" };
  } catch (err) {
    if (err instanceof OfferGone) return { kind: "gone", reason: err.reason };
    throw err;
  }
}

/** "Take me off the list", from an offer's link: open offers are withdrawn and their times passed on. */
export async function leaveByOffer(db: Db, token: string, options: { now?: Date } = {}): Promise<{ kind: "left" } | { kind: "gone" }> {
  const found = await offerBehind(db, token);
  if (!found) throw new DomainError("not_found", "waitlist_offer");
  if (found.entry.status !== "waiting") return { kind: "gone" };
  await leaveWaitlist(db, { entryId: found.entry.id, actor: null, now: options.now });
  return { kind: "left" };
}

/** "No thanks": the time goes to the next in line; the patient stays on the list. */
export async function declineOffer(db: Db, token: string, options: { now?: Date } = {}): Promise<{ kind: "declined" } | { kind: "gone"; reason: OfferGoneReason }> {
  const now = options.now ?? new Date();
  const found = await offerBehind(db, token);
  if (!found) throw new DomainError("not_found", "waitlist_offer");
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(waitlistOffers)
      .set({ status: "declined", respondedAt: now })
      .where(and(eq(waitlistOffers.id, found.offer.id), eq(waitlistOffers.status, "offered")))
      .returning({ practitionerId: waitlistOffers.practitionerId, blockedFrom: waitlistOffers.blockedFrom, blockedUntil: waitlistOffers.blockedUntil });
    if (!row) return { kind: "gone" as const, reason: found.offer.status as OfferGoneReason };
    await noteFreed(tx, row.practitionerId, row.blockedFrom, row.blockedUntil);
    await recordAuditEvent(tx, { actor: null, action: "waitlist.offer_declined", patientId: found.entry.patientId, entityType: "waitlist_offer", entityId: found.offer.id });
    return { kind: "declined" as const };
  });
}
