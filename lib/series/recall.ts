import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { getDb, rowsOf } from "@/db/client";
import type { Actor } from "@/lib/appointments/commands";
import { recordListRead } from "@/lib/audit";
import { DomainError } from "@/lib/errors";
import { describeWindows } from "@/lib/waitlist/windows";
import { canSeeRecallList } from "./policy";

export interface RecallRow {
  seriesId: string;
  patientId: string;
  patientName: string;
  phone: string;
  email: string;
  service: string;
  practitioner: string;
  /** "Mon, Thu at 08:30" on the location's clock. */
  pattern: string;
  planned: number;
  done: number;
  /** The last visit that was due (its date, and how it ended); null when none has come yet. */
  last: { startsAt: Date; status: string; cancelledBy: string | null } | null;
  timeZone: string;
}

/**
 * The recall list: plans still running (not stopped) with visits left — planned minus completed — and
 * nothing booked ahead, longest without a visit first. One query; the read is audited naming every
 * patient shown.
 */
export async function getRecallList(viewer: Actor, options: { db?: DbOrTx; now?: Date } = {}): Promise<RecallRow[]> {
  const db = options.db ?? getDb();
  const now = options.now ?? new Date();
  if (!canSeeRecallList(viewer)) throw new DomainError("forbidden");
  const rows = rowsOf<{
    series_id: string;
    patient_id: string;
    patient_name: string;
    phone: string;
    email: string;
    service: string;
    practitioner: string;
    weekdays: number[];
    local_time: string;
    visits: number;
    done: number;
    last_at: string | Date | null;
    last_status: string | null;
    last_cancelled_by: string | null;
    time_zone: string | null;
  }>(
    await db.execute(sql`
      select s.id as series_id, s.patient_id, pt.full_name as patient_name, pt.phone, pt.email, sv.name as service, p.display_name as practitioner,
        s.weekdays, s.local_time, s.visits, v.done, last.starts_at as last_at, last.status as last_status, last.cancelled_by as last_cancelled_by,
        (select l.time_zone from working_hours wh join locations l on l.id = wh.location_id where wh.practitioner_id = s.practitioner_id order by wh.effective_from desc limit 1) as time_zone
      from appointment_series s
      join patients pt on pt.id = s.patient_id
      join services sv on sv.id = s.service_id
      join practitioners p on p.id = s.practitioner_id
      cross join lateral (
        select count(*) filter (where a.status = 'completed')::int as done,
          count(*) filter (where a.status in ('requested', 'confirmed') and a.starts_at > ${now.toISOString()}::timestamptz)::int as ahead
        from appointments a where a.series_id = s.id) v
      left join lateral (
        select a.starts_at, a.status, a.cancelled_by from appointments a
        where a.series_id = s.id and (a.starts_at <= ${now.toISOString()}::timestamptz or a.status in ('cancelled', 'no_show'))
        order by a.starts_at desc limit 1) last on true
      where s.ended_at is null and v.ahead = 0 and s.visits > v.done
      order by last.starts_at asc nulls last, s.created_at
      limit 500`),
  );
  await recordListRead(db, { actor: viewer, view: "desk.recall", patientIds: rows.map((r) => r.patient_id) });
  return rows.map((r) => ({
    seriesId: r.series_id,
    patientId: r.patient_id,
    patientName: r.patient_name,
    phone: r.phone,
    email: r.email,
    service: r.service,
    practitioner: r.practitioner,
    pattern: `${describeWindows({ weekdays: r.weekdays.map(Number), dayParts: ["morning", "afternoon", "evening"] }).replace(" · any time", "")} at ${r.local_time}`,
    planned: Number(r.visits),
    done: Number(r.done),
    last: r.last_at ? { startsAt: new Date(r.last_at), status: r.last_status!, cancelledBy: r.last_cancelled_by } : null,
    timeZone: r.time_zone ?? "UTC",
  }));
}
