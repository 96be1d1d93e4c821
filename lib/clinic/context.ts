import "server-only";
import { eq } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { practitioners, workingHours } from "@/db/schema";
import { getClinicSettings, type ClinicSettings } from "@/lib/cases/settings";
import { listLocations } from "./queries";

/**
 * The clinic context, read once and cached: its name, the emergency number, the locale, the settings, and
 * its locations — each with its own IANA zone. Code that shows or parses a time takes the zone of the
 * location the time belongs to; clinic-wide things (the weekly conference, daily jobs, a patient with no
 * visit yet) use the main location's (`clinic.timeZone`, the first location made). Nothing hard-codes one.
 *
 * Cached per process for 30 s (several instances share one database: an admin's change reaches the
 * others within that); the instance that saves the settings forgets its copy at once.
 */
export interface ClinicLocation {
  id: string;
  name: string;
  address: string;
  phone: string | null;
  timeZone: string;
}

export interface Clinic {
  name: string;
  emergencyNumber: string;
  locale: string;
  /** The main location's zone. */
  timeZone: string;
  locations: ClinicLocation[];
  settings: ClinicSettings;
}

const TTL_MS = 30_000;
const KEY = Symbol.for("backline.clinic-context");
// Per database handle (tests open one per file), on globalThis (Next bundles routes separately).
type Entry = { at: number; clinic: Promise<Clinic>; value?: Clinic };
const g = globalThis as typeof globalThis & { [KEY]?: WeakMap<object, Entry> };
const cache = (g[KEY] ??= new WeakMap<object, Entry>());

export async function loadClinic(db: DbOrTx): Promise<Clinic> {
  const [settings, locations] = await Promise.all([getClinicSettings(db), listLocations(db)]);
  const list = locations.map((l) => ({ id: l.id, name: l.name, address: l.address, phone: l.phone, timeZone: l.timeZone }));
  return { name: settings.clinicName, emergencyNumber: settings.emergencyNumber, locale: "en-US", timeZone: list[0]?.timeZone ?? "UTC", locations: list, settings };
}

/**
 * Inside a transaction pass it (`getClinic(tx)`): the embedded database has one connection, so a read on
 * another would wait for the transaction forever.
 */
export function getClinic(db?: DbOrTx): Promise<Clinic> {
  const key = getDb();
  const cached = cache.get(key);
  const fresh = cached && Date.now() - cached.at < TTL_MS;
  if (db && db !== key) {
    // Inside a transaction: only an answer already in hand. Never wait on a read still pending — on the
    // root pool it may need a connection that only this and the other waiting transactions could free
    // (the pool exhausted, every holder waiting: a hang no database can see), and on another transaction
    // it may never run. Only the answer is kept, once there is one.
    if (fresh && cached.value) return Promise.resolve(cached.value);
    const at = Date.now();
    const clinic = loadClinic(db);
    void clinic.then(
      (value) => cache.set(key, { at, clinic: Promise.resolve(value), value }),
      () => {},
    );
    return clinic;
  }
  if (fresh) return cached.clinic;
  const entry: Entry = { at: Date.now(), clinic: loadClinic(key) };
  cache.set(key, entry);
  entry.clinic.then(
    (value) => {
      entry.value = value;
    },
    () => {
      if (cache.get(key) === entry) cache.delete(key);
    },
  );
  return entry.clinic;
}

/** After settings or locations change (and in tests). */
export function forgetClinic(): void {
  cache.delete(getDb());
}

/**
 * The zone a practitioner's own times (time off, their account page) are on: their location's, else the
 * location of their working hours, else the main location's.
 */
export async function practitionerTimeZone(db: DbOrTx, practitionerId: string): Promise<string> {
  const [[p], [hours], clinic] = await Promise.all([
    db.select({ locationId: practitioners.locationId }).from(practitioners).where(eq(practitioners.id, practitionerId)),
    db.select({ locationId: workingHours.locationId }).from(workingHours).where(eq(workingHours.practitionerId, practitionerId)).limit(1),
    getClinic(db),
  ]);
  return zoneOf(clinic, p?.locationId ?? hours?.locationId);
}

/** The zone of a location, or the main one's when unknown. */
export function zoneOf(clinic: Clinic, locationId: string | null | undefined): string {
  return clinic.locations.find((l) => l.id === locationId)?.timeZone ?? clinic.timeZone;
}
