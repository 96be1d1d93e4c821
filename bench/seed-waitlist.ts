import { sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db/client";

export const BENCH_WAIT_SERVICE = "bench-waitlist-60";

/**
 * The waitlist at scale, on top of seedBookingBench: a massage therapist of their own whose next three
 * days (08:00–20:00, New York) are fully booked, and `waiting` people on the waitlist for that service
 * (a tenth of them same-day priority), any day, any time. Returns the booked appointments, soonest first:
 * the bench cancels them one by one and times the offer reaching the outbox.
 */
export async function seedWaitlistBench(db: Db, waiting = 1000): Promise<string[]> {
  await db.execute(sql`
    insert into services (slug, name, discipline, duration_minutes, min_notice_minutes, is_hands_on)
    values (${BENCH_WAIT_SERVICE}, 'Bench waitlist massage (60 min)', 'massage_therapist', 60, 0, false)`);
  await db.execute(sql`insert into practitioners (display_name, discipline) values ('Bench waitlist therapist', 'massage_therapist')`);
  await db.execute(sql`
    insert into practitioner_services (practitioner_id, service_id)
    select p.id, s.id from practitioners p, services s where p.display_name = 'Bench waitlist therapist' and s.slug = ${BENCH_WAIT_SERVICE}`);
  await db.execute(sql`
    insert into working_hours (practitioner_id, location_id, weekday, start_time, end_time, breaks, effective_from)
    select p.id, (select id from locations order by created_at limit 1), d, '08:00', '20:00', '[]'::jsonb, '2020-01-01'
    from practitioners p, generate_series(1, 7) d where p.display_name = 'Bench waitlist therapist'`);
  const booked = rowsOf<{ id: string }>(
    await db.execute(sql`
      with p as (select id from practitioners where display_name = 'Bench waitlist therapist'),
           s as (select id from services where slug = ${BENCH_WAIT_SERVICE}),
           l as (select id from locations order by created_at limit 1),
           pat as (select id from patients where email = 'bench1@example.test'),
           slots as (
             select ((date_trunc('day', now() at time zone 'America/New_York') + d * interval '1 day' + h * interval '1 hour') at time zone 'America/New_York') as starts_at
             from generate_series(1, 3) d, generate_series(8, 19) h)
      insert into appointments (patient_id, practitioner_id, service_id, location_id, starts_at, ends_at, blocked_from, blocked_until, status)
      select pat.id, p.id, s.id, l.id, starts_at, starts_at + interval '60 minutes', starts_at, starts_at + interval '60 minutes', 'confirmed'
      from slots, p, s, l, pat
      returning id, starts_at`),
  );
  await db.execute(sql`
    insert into waitlist_entries (contact, email, intake, service_id, weekdays, day_parts, until, priority, created_at)
    select jsonb_build_object('name', 'Bench waiting ' || g, 'email', 'wait' || g || '@example.test', 'phone', '+1 212 555 0000', 'dateOfBirth', '1980-01-01'),
      'wait' || g || '@example.test',
      '{"painStartedOn": "2026-09-01", "painScore": 5, "worseWith": "", "redFlags": [], "notes": ""}'::jsonb,
      (select id from services where slug = ${BENCH_WAIT_SERVICE}),
      array[1,2,3,4,5,6,7]::smallint[], array['morning','afternoon','evening'], (now() + interval '60 days')::date,
      (case when g % 10 = 0 then 'same_day' else 'routine' end)::priority,
      now() - g * interval '1 minute'
    from generate_series(1, ${waiting}) g`);
  await db.execute(sql`vacuum analyze appointments, waitlist_entries, working_hours`);
  return booked.map((b) => b.id);
}
