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
  await db.execute(sql`
    with p as (select id, row_number() over (order by id) as n from practitioners where display_name like 'Bench practitioner %')
    update appointments a set
      starts_at = a.starts_at + interval '50 minutes', ends_at = a.ends_at + interval '50 minutes',
      blocked_from = a.blocked_from + interval '50 minutes', blocked_until = a.blocked_until + interval '50 minutes',
      service_id = (select id from services where slug = ${BENCH_ROOM_SERVICE}),
      room_id = (select r.id from rooms r where r.name = 'Bench room ' || p.n)
    from p where a.practitioner_id = p.id and p.n <= ${rooms}`);
  await db.execute(sql`vacuum analyze appointments, rooms, services, practitioner_services`);
}
