import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";

export const BENCH_ROOM_SERVICE = "bench-massage-room-60";

/**
 * Rooms as the constraint, on top of seedBookingBench: `rooms` massage rooms at the bench location, a
 * 60-minute service that needs one, offered by all 50 practitioners. The first `rooms` practitioners'
 * appointments (shifted 50 minutes, so they sit between everyone else's) hold one room each: while they
 * run, every room is taken and nobody else can book the service though most practitioners are free.
 */
export async function seedRoomsBench(db: Db, rooms = 10): Promise<void> {
  await db.execute(sql`
    insert into rooms (location_id, name, kind)
    select (select id from locations order by created_at, id limit 1), 'Bench room ' || g, 'massage' from generate_series(1, ${rooms}) g`);
  await db.execute(sql`
    insert into services (slug, name, discipline, duration_minutes, buffer_after_minutes, min_notice_minutes, room_kind)
    values (${BENCH_ROOM_SERVICE}, 'Bench massage in a room (60 min)', 'massage_therapist', 60, 15, 60, 'massage')`);
  await db.execute(sql`
    insert into practitioner_services (practitioner_id, service_id)
    select p.id, s.id from practitioners p, services s where p.display_name like 'Bench practitioner %' and s.slug = ${BENCH_ROOM_SERVICE}`);
  // Moved out and back in (an UPDATE checks the exclusion constraint row by row, and a shifted visit would
  // meet the next one before that one moved too).
  await db.transaction(async (tx) => {
    await tx.execute(sql`
      create temp table moved on commit drop as
      with p as (select id, row_number() over (order by id) as n from practitioners where display_name like 'Bench practitioner %')
      select a.id, a.patient_id, a.practitioner_id, a.location_id, a.status, a.starts_at + interval '50 minutes' as starts_at,
             (select r.id from rooms r where r.name = 'Bench room ' || p.n) as room_id
      from appointments a join p on p.id = a.practitioner_id where p.n <= ${rooms}`);
    await tx.execute(sql`delete from appointments where id in (select id from moved)`);
    await tx.execute(sql`
      insert into appointments (id, patient_id, practitioner_id, service_id, location_id, room_id, starts_at, ends_at, buffer_after_minutes, blocked_from, blocked_until, status)
      select id, patient_id, practitioner_id, (select id from services where slug = ${BENCH_ROOM_SERVICE}), location_id, room_id,
             starts_at, starts_at + interval '60 minutes', 15, starts_at, starts_at + interval '75 minutes', status
      from moved`);
  });
  await db.execute(sql`vacuum analyze appointments, rooms, services, practitioner_services`);
}
