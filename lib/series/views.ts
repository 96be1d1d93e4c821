import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { rowsOf } from "@/db/client";
import { describeWindows } from "@/lib/waitlist/windows";

export interface PatientPlan {
  seriesId: string;
  serviceName: string;
  practitionerName: string;
  /** "Mon, Thu at 08:30" on the location's clock. */
  pattern: string;
  planned: number;
  done: number;
  /** Visits still booked ahead. */
  ahead: number;
}

/** A patient's running plans of care that still have a visit booked ahead (ownership is in the WHERE). */
export async function listPatientPlans(db: DbOrTx, patientId: string, now: Date = new Date()): Promise<PatientPlan[]> {
  const rows = rowsOf<{ id: string; service: string; practitioner: string; weekdays: number[]; local_time: string; visits: number; done: number; ahead: number }>(
    await db.execute(sql`
      select s.id, sv.name as service, p.display_name as practitioner, s.weekdays, s.local_time, s.visits, v.done, v.ahead
      from appointment_series s
      join services sv on sv.id = s.service_id
      join practitioners p on p.id = s.practitioner_id
      cross join lateral (
        select count(*) filter (where a.status = 'completed')::int as done,
          count(*) filter (where a.status in ('requested', 'confirmed') and a.ends_at >= ${now.toISOString()}::timestamptz)::int as ahead
        from appointments a where a.series_id = s.id) v
      where s.patient_id = ${patientId}::uuid and s.ended_at is null and v.ahead > 0
      order by s.created_at`),
  );
  return rows.map((r) => ({
    seriesId: r.id,
    serviceName: r.service,
    practitionerName: r.practitioner,
    pattern: `${describeWindows({ weekdays: r.weekdays.map(Number), dayParts: ["morning", "afternoon", "evening"] }).replace(" · any time", "")} at ${r.local_time}`,
    planned: Number(r.visits),
    done: Number(r.done),
    ahead: Number(r.ahead),
  }));
}
