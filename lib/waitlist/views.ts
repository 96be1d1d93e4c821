import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { getDb, rowsOf } from "@/db/client";
import { recordAuditEvent, recordListRead } from "@/lib/audit";
import type { Role } from "@/lib/auth/roles";
import { getClinic } from "@/lib/clinic/context";
import { DomainError } from "@/lib/errors";
import { checkPublicLimit } from "@/lib/rate-limit/public";
import { offerIdFromToken } from "./commands";
import { canSeeWaitlist } from "./policy";
import { describeWindows } from "./windows";

/** The offer behind an emailed link, as its patient sees it (nothing of their wider record); the read is audited. */
export async function getOfferPageData({ token, ip }: { token: string; ip: string }, db: Db = getDb()) {
  const { emergencyNumber } = await getClinic();
  if (!(await checkPublicLimit(db, "manage", ip)).ok) return { limited: true as const, offer: null, emergencyNumber };
  const id = offerIdFromToken(token);
  if (!id) return { limited: false as const, offer: null, emergencyNumber };
  const [offer] = rowsOf<{
    id: string;
    status: string;
    starts_at: string | Date;
    expires_at: string | Date;
    service: string;
    practitioner: string;
    location: string;
    address: string;
    time_zone: string;
    patient_id: string | null;
    entry_status: string;
  }>(
    await db.execute(sql`
      select o.id, o.status, o.starts_at, o.expires_at, s.name as service, p.display_name as practitioner, l.name as location, l.address, l.time_zone,
        e.patient_id, e.status as entry_status
      from waitlist_offers o
      join waitlist_entries e on e.id = o.entry_id
      join services s on s.id = o.service_id
      join practitioners p on p.id = o.practitioner_id
      join locations l on l.id = o.location_id
      where o.id = ${id}::uuid`),
  );
  if (!offer) return { limited: false as const, offer: null, emergencyNumber };
  const now = Date.now();
  await recordAuditEvent(db, { actor: null, action: "waitlist.offer_viewed", patientId: offer.patient_id, entityType: "waitlist_offer", entityId: offer.id });
  return {
    limited: false as const,
    emergencyNumber,
    offer: {
      status: offer.status,
      startsAt: new Date(offer.starts_at),
      expiresAt: new Date(offer.expires_at),
      serviceName: offer.service,
      practitionerName: offer.practitioner,
      locationName: offer.location,
      locationAddress: offer.address,
      timeZone: offer.time_zone,
      stillWaiting: offer.entry_status === "waiting",
      /** Held and not yet run out: the patient can still answer. */
      open: offer.status === "offered" && new Date(offer.expires_at).getTime() > now,
    },
  };
}

export interface WaitlistRow {
  id: string;
  patientId: string | null;
  name: string;
  email: string;
  service: string;
  practitioner: string | null;
  windows: string;
  until: string;
  priority: string;
  since: Date;
  offer: { startsAt: Date; expiresAt: Date; practitioner: string } | null;
}

export interface OfferRow {
  id: string;
  name: string;
  service: string;
  practitioner: string;
  startsAt: Date;
  status: string;
  offeredAt: Date;
  respondedAt: Date | null;
  timeZone: string;
}

/**
 * The desk's waitlist: who waits (in the order offers go: triage priority, then time waited), open offers,
 * and the last 30 days of offers with their outcome; admins also get the refill figures. One list read
 * audited, naming every patient shown.
 */
export async function getWaitlistPageData(viewer: { id: string; role: Role }, db: Db = getDb()) {
  if (!canSeeWaitlist(viewer)) throw new DomainError("forbidden");
  const [waiting, offers, stats] = await Promise.all([
    db.execute(sql`
      select e.id, e.patient_id, coalesce(pt.full_name, e.contact->>'name') as name, e.email, s.name as service, pr.display_name as practitioner,
        e.weekdays, e.day_parts, e.until::text, e.priority, e.created_at,
        o.starts_at as offer_starts_at, o.expires_at as offer_expires_at, op.display_name as offer_practitioner
      from waitlist_entries e
      join services s on s.id = e.service_id
      left join patients pt on pt.id = e.patient_id
      left join practitioners pr on pr.id = e.practitioner_id
      left join waitlist_offers o on o.entry_id = e.id and o.status = 'offered'
      left join practitioners op on op.id = o.practitioner_id
      where e.status = 'waiting'
      order by e.priority, e.created_at, e.id
      limit 500`),
    db.execute(sql`
      select o.id, coalesce(pt.full_name, e.contact->>'name') as name, e.patient_id, s.name as service, p.display_name as practitioner, o.starts_at, o.status,
        o.created_at, o.responded_at, l.time_zone
      from waitlist_offers o
      join waitlist_entries e on e.id = o.entry_id
      join services s on s.id = o.service_id
      join practitioners p on p.id = o.practitioner_id
      join locations l on l.id = o.location_id
      left join patients pt on pt.id = e.patient_id
      where o.created_at > now() - interval '30 days'
      order by o.created_at desc
      limit 200`),
    viewer.role === "admin"
      ? db.execute(sql`
          select count(*) filter (where status = 'accepted')::int as refilled,
            count(distinct (practitioner_id, starts_at))::int as offered_times,
            percentile_cont(0.5) within group (order by extract(epoch from responded_at - freed_at) / 60) filter (where status = 'accepted') as median_minutes
          from waitlist_offers where created_at > now() - interval '30 days'`)
      : Promise.resolve(null),
  ]);
  type W = {
    id: string;
    patient_id: string | null;
    name: string;
    email: string;
    service: string;
    practitioner: string | null;
    weekdays: number[];
    day_parts: string[];
    until: string;
    priority: string;
    created_at: string | Date;
    offer_starts_at: string | Date | null;
    offer_expires_at: string | Date | null;
    offer_practitioner: string | null;
  };
  const waitingRows: WaitlistRow[] = rowsOf<W>(waiting).map((r) => ({
    id: r.id,
    patientId: r.patient_id,
    name: r.name,
    email: r.email,
    service: r.service,
    practitioner: r.practitioner,
    windows: describeWindows({ weekdays: r.weekdays.map(Number), dayParts: r.day_parts }),
    until: r.until,
    priority: r.priority,
    since: new Date(r.created_at),
    offer: r.offer_starts_at ? { startsAt: new Date(r.offer_starts_at), expiresAt: new Date(r.offer_expires_at!), practitioner: r.offer_practitioner ?? "" } : null,
  }));
  type O = {
    id: string;
    name: string;
    patient_id: string | null;
    service: string;
    practitioner: string;
    starts_at: string | Date;
    status: string;
    created_at: string | Date;
    responded_at: string | Date | null;
    time_zone: string;
  };
  const offerRaw = rowsOf<O>(offers);
  const offerRows: OfferRow[] = offerRaw.map((r) => ({
    id: r.id,
    name: r.name,
    service: r.service,
    practitioner: r.practitioner,
    startsAt: new Date(r.starts_at),
    status: r.status,
    offeredAt: new Date(r.created_at),
    respondedAt: r.responded_at ? new Date(r.responded_at) : null,
    timeZone: r.time_zone,
  }));
  const s = stats ? rowsOf<{ refilled: number; offered_times: number; median_minutes: number | string | null }>(stats)[0] : null;
  await recordListRead(db, {
    actor: viewer,
    view: "desk.waitlist",
    patientIds: [...waitingRows.flatMap((r) => (r.patientId ? [r.patientId] : [])), ...offerRaw.flatMap((r) => (r.patient_id ? [r.patient_id] : []))],
  });
  const { timeZone } = await getClinic(db);
  return {
    timeZone,
    waiting: waitingRows,
    offers: offerRows,
    stats: s ? { refilled: Number(s.refilled), offeredTimes: Number(s.offered_times), medianMinutes: s.median_minutes === null ? null : Math.round(Number(s.median_minutes)) } : null,
  };
}
