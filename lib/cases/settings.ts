import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { clinicSettings } from "@/db/schema";
import { DEFAULT_THRESHOLDS, type DurationThresholds } from "@/lib/triage/assess";

export interface ClinicSettings extends DurationThresholds {
  /** ISO weekday of the weekly case conference (1 = Monday). */
  conferenceWeekday: number;
  /** "HH:mm", in the clinic's main location's zone. */
  conferenceTime: string;
  /** The clinic's name, as patients see it in emails, calendar files and printouts. */
  clinicName: string;
  /** The number patients are told to call in an emergency (the country's, e.g. 911 or 112). */
  emergencyNumber: string;
}

export const DEFAULT_SETTINGS: ClinicSettings = { ...DEFAULT_THRESHOLDS, conferenceWeekday: 3, conferenceTime: "12:30", clinicName: "Backline spine & massage clinic", emergencyNumber: "911" };

export async function getClinicSettings(db: DbOrTx): Promise<ClinicSettings> {
  const rows = await db.select().from(clinicSettings);
  const map = new Map(rows.map((r) => [r.key, r.value]));
  const num = (key: keyof ClinicSettings) => (map.has(key) ? Number(map.get(key)) : (DEFAULT_SETTINGS[key] as number));
  return {
    acuteWeeks: num("acuteWeeks"),
    chronicWeeks: num("chronicWeeks"),
    conferenceWeekday: num("conferenceWeekday"),
    conferenceTime: map.get("conferenceTime") ?? DEFAULT_SETTINGS.conferenceTime,
    clinicName: map.get("clinicName") || DEFAULT_SETTINGS.clinicName,
    emergencyNumber: map.get("emergencyNumber") || DEFAULT_SETTINGS.emergencyNumber,
  };
}

export async function saveClinicSettings(db: DbOrTx, values: ClinicSettings): Promise<void> {
  for (const [key, value] of Object.entries(values)) {
    await db
      .insert(clinicSettings)
      .values({ key, value: String(value) })
      .onConflictDoUpdate({ target: clinicSettings.key, set: { value: String(value), updatedAt: sql`now()`, version: sql`${clinicSettings.version} + 1` } });
  }
}
