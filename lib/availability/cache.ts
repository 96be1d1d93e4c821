import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/client";
import type { RoomPools } from "./engine";
import { loadAvailability, locationZoneSql, type AvailabilityData, type BookableService, type VersionedCalendar } from "./load";

/**
 * Availability for the public read paths, with each instance keeping the calendars it loaded and
 * checking them against PostgreSQL on every call: one small query reads the service, the clinic's zone
 * and each practitioner's version in `calendar_versions` (bumped by triggers in the same transaction as any change
 * to their appointments, time off, hours or services); only calendars whose version moved are loaded
 * again. The database stays the only truth — an instance never answers from what it merely remembers,
 * and several instances stay consistent with each other.
 *
 * Only with the root database handle, never inside a transaction: a version read there could belong to
 * changes that are later rolled back. Writes keep using loadAvailability; the exclusion constraint is
 * the arbiter either way.
 */

type LoadInput = Parameters<typeof loadAvailability>[1];

interface Entry {
  serviceKey: string;
  timeZone: string;
  service: BookableService;
  calendars: Map<string, VersionedCalendar>;
  /** Shared by the practitioners: any change to them bumps every sharer's version, so a reload brings it fresh. */
  rooms: RoomPools;
}

const MAX_ENTRIES = 32;
const KEY = Symbol.for("backline.availability-cache");
// On globalThis: Next bundles route handlers separately; one cache per process, not per bundle.
const g = globalThis as typeof globalThis & { [KEY]?: Map<string, Entry> };
const entries = (g[KEY] ??= new Map<string, Entry>());

export const availabilityCacheStats = { hits: 0, partial: 0, misses: 0 };

async function currentVersions(db: Db, serviceSlug: string, practitionerId: string | null | undefined, locationId: string | null) {
  const result = await db.execute(sql`
    with svc as (select * from services where slug = ${serviceSlug} and is_active and is_online_bookable)
    select
      (select row_to_json(svc)::text from svc) as service_key,
      ${locationZoneSql(locationId)} as time_zone,
      coalesce((
        select json_agg(json_build_array(p.id, coalesce(cv.version, 0)) order by p.id)
        from practitioners p
        left join calendar_versions cv on cv.practitioner_id = p.id
        join practitioner_services ps on ps.practitioner_id = p.id
        join svc on svc.id = ps.service_id
        where p.is_active and (${practitionerId ?? null}::uuid is null or p.id = ${practitionerId ?? null}::uuid)
      ), '[]'::json) as versions`);
  const row = rowsOf<{ service_key: string | null; time_zone: string | null; versions: Array<[string, number | string]> }>(result)[0];
  return {
    serviceKey: row?.service_key ?? null,
    timeZone: row?.time_zone ?? "UTC",
    versions: (row?.versions ?? []).map(([id, version]) => [id, Number(version)] as const),
  };
}

export async function loadAvailabilityCached(db: Db, input: LoadInput): Promise<AvailabilityData> {
  if (input.ignoreAppointmentId || input.exceptOfferId || input.practitionerIds) return loadAvailability(db, input);
  const key = JSON.stringify([input.serviceSlug, input.practitionerId ?? null, input.locationId ?? null, input.fromDate, input.toDate, input.from.getTime(), input.to.getTime()]);
  const now = await currentVersions(db, input.serviceSlug, input.practitionerId, input.locationId ?? null);
  if (now.serviceKey === null) return { service: null, timeZone: now.timeZone, calendars: [], rooms: new Map() };

  let entry = entries.get(key);
  if (entry && (entry.serviceKey !== now.serviceKey || entry.timeZone !== now.timeZone)) entry = undefined;
  if (!entry) {
    availabilityCacheStats.misses++;
    const data = await loadAvailability(db, input);
    if (!data.service) return data;
    entry = { serviceKey: now.serviceKey, timeZone: data.timeZone, service: data.service, calendars: new Map(data.calendars.map((c) => [c.practitionerId, c])), rooms: data.rooms };
  } else {
    const stale = now.versions.filter(([id, version]) => entry!.calendars.get(id)?.version !== version).map(([id]) => id);
    if (stale.length) {
      availabilityCacheStats.partial++;
      const fresh = await loadAvailability(db, { ...input, practitionerIds: stale });
      for (const calendar of fresh.calendars) entry.calendars.set(calendar.practitionerId, calendar);
      entry.rooms = fresh.rooms;
    } else {
      availabilityCacheStats.hits++;
    }
  }
  const offering = new Set(now.versions.map(([id]) => id));
  for (const id of entry.calendars.keys()) if (!offering.has(id)) entry.calendars.delete(id);
  // Least recently used goes first when full.
  entries.delete(key);
  entries.set(key, entry);
  if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);

  // Exactly the practitioners who offer the service now, in id order (as loadAvailability answers).
  const calendars = now.versions.map(([id]) => entry.calendars.get(id)).filter((c) => c !== undefined);
  return { service: entry.service, timeZone: entry.timeZone, calendars, rooms: entry.rooms };
}

/** For tests. */
export function clearAvailabilityCache(): void {
  entries.clear();
}
