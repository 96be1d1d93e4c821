import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { rowsOf } from "@/db/client";
import { ACTIVE_STATUSES_SQL as ACTIVE } from "@/lib/availability/load";
import { DomainError } from "@/lib/errors";

/**
 * The room an appointment holds over its blocked range, taken inside the writing transaction: null when
 * the service needs no room. A transaction-scoped advisory lock queues writers to one location's pool of
 * a kind, so the room chosen is free as of the winner's commit (no two writers pick the same free room
 * while another stands empty). The exclusion constraint appointments_room_no_overlap stays the arbiter:
 * when every room is taken the first one is returned anyway and the insert or update fails with 23P01,
 * which every booking path already answers as "that time was just taken". Callers lock practitioners'
 * calendars first, then the pool (one order everywhere).
 */
export async function assignRoom(
  tx: Tx,
  input: { serviceId: string; locationId: string; blockedFrom: Date; blockedUntil: Date; ignoreAppointmentId?: string | null; preferRoomId?: string | null },
): Promise<string | null> {
  const [service] = rowsOf<{ room_kind: string | null }>(await tx.execute(sql`select room_kind from services where id = ${input.serviceId}`));
  const kind = service?.room_kind ?? null;
  if (!kind) return null;
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`rooms:${input.locationId}:${kind}`}, 0))`);
  const rooms = rowsOf<{ id: string; free: boolean }>(
    await tx.execute(sql`
      select r.id, not exists (
        select 1 from appointments a
        where a.room_id = r.id and a.status in (${ACTIVE})
          and (${input.ignoreAppointmentId ?? null}::uuid is null or a.id <> ${input.ignoreAppointmentId ?? null}::uuid)
          and tstzrange(a.blocked_from, a.blocked_until, '[)') && tstzrange(${input.blockedFrom.toISOString()}::timestamptz, ${input.blockedUntil.toISOString()}::timestamptz, '[)')
      ) as free
      from rooms r
      where r.location_id = ${input.locationId} and r.kind = ${kind}::room_kind and r.is_active
      order by (r.id = ${input.preferRoomId ?? null}::uuid) is true desc, r.name, r.id`),
  );
  if (!rooms.length) throw new DomainError("slot_unavailable", "no_room");
  return (rooms.find((r) => r.free) ?? rooms[0]!).id;
}
