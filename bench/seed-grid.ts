import { sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db/client";

/**
 * The desk's week grid at the size: a location of its own with 30 practitioners working 08:00–20:00
 * every day and 2,100 appointments this week (ten a day each, 70 minutes apart), in New York time.
 * Returns the location's id.
 */
export async function seedGridBench(db: Db, practitioners = 30): Promise<string> {
  const [location] = rowsOf<{ id: string }>(
    await db.execute(sql`insert into locations (name, address, time_zone, created_at) values ('Bench grid clinic', '2 Bench St', 'America/New_York', now() + interval '1 hour') returning id`),
  );
  const service = rowsOf<{ id: string }>(await db.execute(sql`select id from services where slug = 'bench-massage-60'`))[0]!;
  await db.execute(sql`
    insert into practitioners (display_name, discipline)
    select 'Grid practitioner ' || g, 'massage_therapist' from generate_series(1, ${practitioners}) g`);
  await db.execute(sql`
    insert into working_hours (practitioner_id, location_id, weekday, start_time, end_time, breaks, effective_from)
    select p.id, ${location!.id}::uuid, d, '08:00', '20:00', '[]'::jsonb, '2020-01-01'
    from practitioners p, generate_series(1, 7) d where p.display_name like 'Grid practitioner %'`);
  await db.execute(sql`
    with p as (select id, row_number() over (order by id) as n from practitioners where display_name like 'Grid practitioner %'),
         pat as (select id, row_number() over (order by id) as n from patients where email like 'bench%@example.test'),
         monday as (select date_trunc('week', now() at time zone 'America/New_York') as d),
         slots as (
           select p.id as practitioner_id, p.n, day, i,
             ((monday.d + day * interval '1 day' + interval '8 hours' + i * interval '70 minutes') at time zone 'America/New_York') as starts_at
           from p, monday, generate_series(0, 6) day, generate_series(0, 9) i)
    insert into appointments (patient_id, practitioner_id, service_id, location_id, starts_at, ends_at, buffer_after_minutes, blocked_from, blocked_until, status)
    select (select id from pat where pat.n = 1 + (slots.i + slots.n + slots.day) % 200), slots.practitioner_id, ${service.id}::uuid, ${location!.id}::uuid,
           starts_at, starts_at + interval '60 minutes', 10, starts_at, starts_at + interval '70 minutes',
           case when starts_at < now() then 'completed'::appointment_status else 'confirmed'::appointment_status end
    from slots`);
  await db.execute(sql`vacuum analyze appointments, practitioners, working_hours`);
  return location!.id;
}
