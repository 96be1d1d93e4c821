import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { rowsOf } from "@/db/client";
import { ACTIVE_APPOINTMENT_STATUSES } from "@/lib/appointments/status";
import type { Discipline } from "@/lib/clinic/disciplines";
import type { RoomKind } from "@/lib/rooms/kinds";
import type { Interval, PractitionerCalendar, RoomPools, WorkingHoursRule } from "./engine";

export interface BookableService {
  id: string;
  slug: string;
  name: string;
  discipline: Discipline;
  durationMinutes: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  minNoticeMinutes: number;
  cancellationCutoffHours: number;
  needsReview: boolean;
  isHandsOn: boolean;
  /** A room of this kind is needed (null: none). */
  roomKind: RoomKind | null;
}

/** A calendar with its calendar_versions.version, read in the same statement as its data. */
export type VersionedCalendar = PractitionerCalendar & { version: number };

export interface AvailabilityData {
  service: BookableService | null;
  timeZone: string;
  calendars: VersionedCalendar[];
  /** The active rooms of the service's kind, per location, with their busy ranges (empty when it needs none). */
  rooms: RoomPools;
}

/** "offset+length,..." (minutes after `base`) → intervals in epoch ms. */
function parseIntervals(text: string, base: number): Interval[] {
  if (!text) return [];
  return text.split(",").map((pair) => {
    const plus = pair.indexOf("+", 1);
    const start = base + Number(pair.slice(0, plus)) * 60_000;
    return { start, end: start + Number(pair.slice(plus + 1)) * 60_000 };
  });
}

/** The zone slots are shown in: the location asked for, else the clinic's main (first) location. */
export function locationZoneSql(locationId: string | null) {
  return sql`coalesce((select time_zone from locations where id = ${locationId}::uuid), (select time_zone from locations order by created_at, id limit 1))`;
}

/** The active statuses as an SQL list, for `status in (...)` (the exclusion constraints' own list). */
export const ACTIVE_STATUSES_SQL = sql.raw(ACTIVE_APPOINTMENT_STATUSES.map((s) => `'${s}'`).join(", "));
const ACTIVE = ACTIVE_STATUSES_SQL;

/**
 * Everything the engine needs for one service, in ONE round trip: the service, the clinic's zone, and
 * for each practitioner offering it (or just the one asked for) the working hours in force in the
 * range, time off and active appointments overlapping it. No query per day or per practitioner.
 */
export async function loadAvailability(
  db: DbOrTx,
  input: {
    serviceSlug: string;
    practitionerId?: string | null;
    from: Date;
    to: Date;
    fromDate: string;
    toDate: string;
    /** Leave this appointment out of the busy time (when moving it). */
    ignoreAppointmentId?: string | null;
    /** Leave this open waitlist offer out of the busy time (its patient is accepting it). */
    exceptOfferId?: string | null;
    /** Only these practitioners' calendars (refreshing a cache). */
    practitionerIds?: readonly string[];
    /** Only working hours at this location, and its zone (default: the clinic's main location). */
    locationId?: string | null;
  },
): Promise<AvailabilityData> {
  const locationId = input.locationId ?? null;
  // Times travel as whole minutes after `base` (appointment and time-off edges are whole minutes).
  const base = Math.floor(input.from.getTime() / 60_000) * 60_000;
  const baseEpoch = base / 1000;
  const result = await db.execute(sql`
    with svc as (
      select * from services where slug = ${input.serviceSlug} and is_active and is_online_bookable
    )
    select
      (select json_build_object(
         'id', id, 'slug', slug, 'name', name, 'discipline', discipline, 'durationMinutes', duration_minutes,
         'bufferBeforeMinutes', buffer_before_minutes, 'bufferAfterMinutes', buffer_after_minutes,
         'minNoticeMinutes', min_notice_minutes, 'cancellationCutoffHours', cancellation_cutoff_hours,
         'needsReview', needs_review, 'isHandsOn', is_hands_on, 'roomKind', room_kind) from svc) as service,
      ${locationZoneSql(locationId)} as time_zone,
      coalesce((
        select json_agg(json_build_object(
          'practitionerId', p.id,
          'version', coalesce((select cv.version from calendar_versions cv where cv.practitioner_id = p.id), 0),
          'hours', coalesce((
            select json_agg(json_build_object(
              'weekday', wh.weekday, 'startTime', wh.start_time, 'endTime', wh.end_time, 'breaks', wh.breaks,
              'effectiveFrom', wh.effective_from, 'effectiveUntil', wh.effective_until, 'timeZone', l.time_zone, 'locationId', wh.location_id))
            from working_hours wh join locations l on l.id = wh.location_id
            where wh.practitioner_id = p.id
              and (${locationId}::uuid is null or wh.location_id = ${locationId}::uuid)
              and wh.effective_from <= ${input.toDate}::date
              and (wh.effective_until is null or wh.effective_until >= ${input.fromDate}::date)), '[]'::json),
          'timeOff', coalesce((
            select string_agg(round((date_part('epoch', t.starts_at) - ${baseEpoch}) / 60)::bigint || '+' || round((date_part('epoch', t.ends_at) - date_part('epoch', t.starts_at)) / 60)::bigint, ',')
            from (
              select starts_at, ends_at from time_off
              where practitioner_id = p.id and starts_at < ${input.to.toISOString()}::timestamptz and ends_at > ${input.from.toISOString()}::timestamptz
              -- Closures of a location they work at count as their time off.
              union all
              select c.starts_at, c.ends_at from location_closures c
              where c.location_id in (select wh.location_id from working_hours wh where wh.practitioner_id = p.id)
                and c.starts_at < ${input.to.toISOString()}::timestamptz and c.ends_at > ${input.from.toISOString()}::timestamptz
            ) t), ''),
          -- Busy ranges as "minutes-after-base+length,...": thousands of them travel and parse far faster
          -- than JSON objects; date_part (float8) rather than extract (numeric since PostgreSQL 14) halves
          -- the cost of building them. The starts_at bounds (buffers are at most 2 h) let the covering index
          -- appointments_active_practitioner_idx answer without touching the table.
          -- Open waitlist offers hold their time too (for everyone but the patient accepting one).
          'busy', coalesce((
            select string_agg(round((date_part('epoch', a.blocked_from) - ${baseEpoch}) / 60)::bigint || '+' || round((date_part('epoch', a.blocked_until) - date_part('epoch', a.blocked_from)) / 60)::bigint, ',')
            from (
              select a.blocked_from, a.blocked_until from appointments a
              where a.practitioner_id = p.id and a.status in (${ACTIVE})
                and (${input.ignoreAppointmentId ?? null}::uuid is null or a.id <> ${input.ignoreAppointmentId ?? null}::uuid)
                and a.starts_at < ${input.to.toISOString()}::timestamptz + interval '3 hours'
                and a.starts_at > ${input.from.toISOString()}::timestamptz - interval '1 day'
                and a.blocked_from < ${input.to.toISOString()}::timestamptz and a.blocked_until > ${input.from.toISOString()}::timestamptz
              union all
              select o.blocked_from, o.blocked_until from waitlist_offers o
              where o.practitioner_id = p.id and o.status = 'offered'
                and (${input.exceptOfferId ?? null}::uuid is null or o.id <> ${input.exceptOfferId ?? null}::uuid)
                and o.blocked_from < ${input.to.toISOString()}::timestamptz and o.blocked_until > ${input.from.toISOString()}::timestamptz
            ) a), '')
        ) order by p.id)
        from practitioners p
        join practitioner_services ps on ps.practitioner_id = p.id
        join svc on svc.id = ps.service_id
        where p.is_active and (${input.practitionerId ?? null}::uuid is null or p.id = ${input.practitionerId ?? null}::uuid)
          ${
            input.practitionerIds
              ? input.practitionerIds.length
                ? sql`and p.id in (${sql.join(
                    input.practitionerIds.map((id) => sql`${id}::uuid`),
                    sql`, `,
                  )})`
                : sql`and false`
              : sql``
          }
      ), '[]'::json) as calendars,
      -- The rooms the service needs (its kind), each with its busy ranges like a practitioner's.
      coalesce((
        select json_agg(json_build_object(
          'locationId', r.location_id,
          'busy', coalesce((
            select string_agg(round((date_part('epoch', a.blocked_from) - ${baseEpoch}) / 60)::bigint || '+' || round((date_part('epoch', a.blocked_until) - date_part('epoch', a.blocked_from)) / 60)::bigint, ',')
            from appointments a
            where a.room_id = r.id and a.status in (${ACTIVE})
              and (${input.ignoreAppointmentId ?? null}::uuid is null or a.id <> ${input.ignoreAppointmentId ?? null}::uuid)
              and a.starts_at < ${input.to.toISOString()}::timestamptz + interval '3 hours'
              and a.starts_at > ${input.from.toISOString()}::timestamptz - interval '1 day'
              and a.blocked_from < ${input.to.toISOString()}::timestamptz and a.blocked_until > ${input.from.toISOString()}::timestamptz), '')
        ) order by r.id)
        from rooms r join svc on r.kind = svc.room_kind
        where r.is_active and (${locationId}::uuid is null or r.location_id = ${locationId}::uuid)
      ), '[]'::json) as rooms
  `);
  type RawCalendar = { practitionerId: string; version: number; hours: WorkingHoursRule[]; timeOff: string; busy: string };
  const row = rowsOf<{ service: BookableService | null; time_zone: string | null; calendars: RawCalendar[]; rooms: Array<{ locationId: string; busy: string }> }>(result)[0];
  const calendars = (row?.calendars ?? []).map((c) => ({
    practitionerId: c.practitionerId,
    version: Number(c.version),
    hours: c.hours.map((h) => ({ ...h, startTime: h.startTime.slice(0, 5), endTime: h.endTime.slice(0, 5) })),
    timeOff: parseIntervals(c.timeOff, base),
    busy: parseIntervals(c.busy, base),
  }));
  const rooms = new Map<string, Interval[][]>();
  for (const room of row?.rooms ?? []) {
    const pool = rooms.get(room.locationId) ?? [];
    pool.push(parseIntervals(room.busy, base));
    rooms.set(room.locationId, pool);
  }
  return { service: row?.service ?? null, timeZone: row?.time_zone ?? "UTC", calendars, rooms };
}
