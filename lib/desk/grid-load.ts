import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { rowsOf } from "@/db/client";
import type { Discipline } from "@/lib/clinic/disciplines";
import type { GridAppointment, GridData } from "./grid";

/**
 * Everything the desk's scheduler grid shows for one location and a range of local days, in two
 * statements sent together (one round however many practitioners): the practitioners with hours there in the range
 * (filtered by discipline or one practitioner), each with those hours, time off and services; the
 * location's rooms and closures; and the appointments there (cancelled and expired ones left out) with
 * the patient's name, the service, the room and the red-flag marks the desk acts on.
 */
export async function loadGridData(
  db: DbOrTx,
  input: { locationId: string; from: Date; to: Date; fromDate: string; toDate: string; discipline?: Discipline | null; practitionerId?: string | null },
): Promise<GridData> {
  const from = input.from.toISOString();
  const to = input.to.toISOString();
  // Who is on the grid: active, with hours at the location in the range, filtered.
  const pr = sql`
    select p.id, p.display_name, p.discipline from practitioners p
    where p.is_active
      and (${input.discipline ?? null}::discipline is null or p.discipline = ${input.discipline ?? null}::discipline)
      and (${input.practitionerId ?? null}::uuid is null or p.id = ${input.practitionerId ?? null}::uuid)
      and exists (
        select 1 from working_hours wh
        where wh.practitioner_id = p.id and wh.location_id = ${input.locationId}::uuid
          and wh.effective_from <= ${input.toDate}::date and (wh.effective_until is null or wh.effective_until >= ${input.fromDate}::date))`;
  // Two statements sent together: the small nested part as JSON, the appointments (thousands in a busy
  // week) as plain rows, which the driver reads far faster than JSON objects.
  const [result, appointmentRows] = await Promise.all([
    db.execute(sql`
    with pr as (${pr})
    select
      coalesce((
        select json_agg(json_build_object(
          'id', pr.id, 'name', pr.display_name, 'discipline', pr.discipline,
          'hours', coalesce((
            select json_agg(json_build_object('weekday', wh.weekday, 'start', to_char(wh.start_time, 'HH24:MI'), 'end', to_char(wh.end_time, 'HH24:MI'),
              'breaks', wh.breaks, 'from', wh.effective_from, 'until', wh.effective_until))
            from working_hours wh
            where wh.practitioner_id = pr.id and wh.location_id = ${input.locationId}::uuid
              and wh.effective_from <= ${input.toDate}::date and (wh.effective_until is null or wh.effective_until >= ${input.fromDate}::date)), '[]'::json),
          'timeOff', coalesce((
            select json_agg(json_build_object('start', t.starts_at, 'end', t.ends_at, 'reason', t.reason) order by t.starts_at)
            from time_off t where t.practitioner_id = pr.id and t.starts_at < ${to}::timestamptz and t.ends_at > ${from}::timestamptz), '[]'::json),
          'services', coalesce((
            select json_agg(s.slug order by s.sort_order) from practitioner_services ps join services s on s.id = ps.service_id
            where ps.practitioner_id = pr.id and s.is_active), '[]'::json)
        ) order by pr.discipline, pr.display_name, pr.id) from pr), '[]'::json) as practitioners,
      coalesce((
        select json_agg(json_build_object('id', r.id, 'name', r.name, 'kind', r.kind) order by r.kind, r.name)
        from rooms r where r.location_id = ${input.locationId}::uuid and r.is_active), '[]'::json) as rooms,
      coalesce((
        select json_agg(json_build_object('start', c.starts_at, 'end', c.ends_at, 'reason', c.reason) order by c.starts_at)
        from location_closures c where c.location_id = ${input.locationId}::uuid and c.starts_at < ${to}::timestamptz and c.ends_at > ${from}::timestamptz), '[]'::json) as closures
  `),
    db.execute(sql`
    with pr as (${pr}),
      flagged as (select distinct patient_id from patient_red_flags where cleared_at is null)
    -- Instants as epoch milliseconds: thousands of rows parse far faster as numbers than as timestamp text.
    select a.id, a.practitioner_id, a.room_id,
      (extract(epoch from a.starts_at) * 1000)::float8 as starts_at, (extract(epoch from a.ends_at) * 1000)::float8 as ends_at,
      (extract(epoch from a.blocked_from) * 1000)::float8 as blocked_from, (extract(epoch from a.blocked_until) * 1000)::float8 as blocked_until, a.status,
      a.arrived_at is not null as arrived, a.patient_id, pa.full_name, s.slug, s.name, s.is_hands_on, i.priority,
      flagged.patient_id is not null as uncleared
    from appointments a
    join pr on pr.id = a.practitioner_id
    join patients pa on pa.id = a.patient_id
    join services s on s.id = a.service_id
    left join intakes i on i.appointment_id = a.id
    left join flagged on flagged.patient_id = a.patient_id
    where a.location_id = ${input.locationId}::uuid
      and a.status in ('requested', 'confirmed', 'completed', 'no_show')
      and a.starts_at < ${to}::timestamptz and a.ends_at > ${from}::timestamptz
    order by a.starts_at, a.id
  `),
  ]);
  type Raw = { practitioners: GridData["practitioners"]; rooms: GridData["rooms"]; closures: Array<{ start: string; end: string; reason: string }> };
  type RawAppointment = {
    id: string;
    practitioner_id: string;
    room_id: string | null;
    starts_at: number | string;
    ends_at: number | string;
    blocked_from: number | string;
    blocked_until: number | string;
    status: GridAppointment["status"];
    arrived: boolean;
    patient_id: string;
    full_name: string;
    slug: string;
    name: string;
    is_hands_on: boolean;
    priority: GridAppointment["priority"];
    uncleared: boolean;
  };
  const row = rowsOf<Raw>(result)[0]!;
  const instant = (v: unknown) => (v instanceof Date ? v : new Date(String(v)));
  return {
    practitioners: row.practitioners.map((p) => ({ ...p, timeOff: p.timeOff.map((t) => ({ ...t, start: instant(t.start), end: instant(t.end) })) })),
    rooms: row.rooms,
    closures: row.closures.map((c) => ({ ...c, start: instant(c.start), end: instant(c.end) })),
    appointments: rowsOf<RawAppointment>(appointmentRows).map((a) => ({
      id: a.id,
      practitionerId: a.practitioner_id,
      roomId: a.room_id,
      start: new Date(Number(a.starts_at)),
      end: new Date(Number(a.ends_at)),
      blockedFrom: new Date(Number(a.blocked_from)),
      blockedUntil: new Date(Number(a.blocked_until)),
      status: a.status,
      arrived: a.arrived,
      patientId: a.patient_id,
      patientName: a.full_name,
      serviceSlug: a.slug,
      serviceName: a.name,
      isHandsOn: a.is_hands_on,
      priority: a.priority,
      unclearedFlags: a.uncleared,
    })),
  };
}
