import { sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db/client";

export const BENCH_SERVICE = "bench-massage-60";

/**
 * 50 practitioners offering one service, working 08:00–20:00 every day in New York, and 20,000
 * appointments (400 each, six a day, 100 minutes apart) from 30 days ago to about 37 days ahead —
 * made with set-based SQL so seeding takes seconds.
 */
export async function seedBookingBench(db: Db, practitioners = 50, perPractitioner = 400): Promise<void> {
  await db.execute(sql`insert into locations (name, address, time_zone) select 'Bench clinic', '1 Bench St', 'America/New_York' where not exists (select 1 from locations)`);
  await db.execute(sql`
    insert into services (slug, name, discipline, duration_minutes, buffer_after_minutes, min_notice_minutes)
    values (${BENCH_SERVICE}, 'Bench massage (60 min)', 'massage_therapist', 60, 15, 60)`);
  await db.execute(sql`
    insert into practitioners (display_name, discipline)
    select 'Bench practitioner ' || g, 'massage_therapist' from generate_series(1, ${practitioners}) g`);
  await db.execute(sql`
    insert into practitioner_services (practitioner_id, service_id)
    select p.id, s.id from practitioners p, services s where p.display_name like 'Bench practitioner %' and s.slug = ${BENCH_SERVICE}`);
  await db.execute(sql`
    insert into working_hours (practitioner_id, location_id, weekday, start_time, end_time, breaks, effective_from)
    select p.id, (select id from locations order by created_at limit 1), d, '08:00', '20:00', '[]'::jsonb, '2020-01-01'
    from practitioners p, generate_series(1, 7) d where p.display_name like 'Bench practitioner %'`);
  await db.execute(sql`
    insert into patients (full_name, email, phone, date_of_birth)
    select 'Bench patient ' || g, 'bench' || g || '@example.test', '+1 212 555 0000', '1980-01-01' from generate_series(1, 200) g`);
  await db.execute(sql`
    with p as (select id, row_number() over (order by id) as n from practitioners where display_name like 'Bench practitioner %'),
         pat as (select id, row_number() over (order by id) as n from patients where email like 'bench%@example.test'),
         s as (select id from services where slug = ${BENCH_SERVICE}),
         l as (select id from locations order by created_at limit 1),
         slots as (
           select p.id as practitioner_id, p.n, i,
             ((date_trunc('day', now() at time zone 'America/New_York') - interval '30 days' + (i / 6) * interval '1 day'
               + interval '8 hours' + (i % 6) * interval '100 minutes') at time zone 'America/New_York') as starts_at
           from p, generate_series(0, ${perPractitioner - 1}) i)
    insert into appointments (patient_id, practitioner_id, service_id, location_id, starts_at, ends_at, buffer_after_minutes, blocked_from, blocked_until, status)
    select (select id from pat where pat.n = 1 + (slots.i + slots.n) % 200), slots.practitioner_id, s.id, l.id,
           starts_at, starts_at + interval '60 minutes', 15, starts_at, starts_at + interval '75 minutes',
           case when starts_at < now() then 'completed'::appointment_status else 'confirmed'::appointment_status end
    from slots, s, l`);
  // What autovacuum does within a minute of a bulk insert in production: statistics and the visibility
  // map (without it every index-only scan visits the heap). Measuring before that would measure the seed.
  await db.execute(sql`vacuum analyze appointments, practitioners, practitioner_services, working_hours`);
}

/** Active appointments of one practitioner that overlap another (must be 0). */
export async function countOverlaps(db: Db): Promise<number> {
  const result = await db.execute(sql`
    select count(*)::int as n from appointments a join appointments b
      on a.practitioner_id = b.practitioner_id and a.id < b.id
     and tstzrange(a.blocked_from, a.blocked_until, '[)') && tstzrange(b.blocked_from, b.blocked_until, '[)')
    where a.status in ('requested', 'confirmed', 'completed') and b.status in ('requested', 'confirmed', 'completed')`);
  return Number(rowsOf<{ n: number }>(result)[0]!.n);
}
