import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "@/db/client";

/**
 * Takes a transaction-scoped advisory lock on one practitioner's calendar before writing to it.
 * The exclusion constraint still decides conflicts; the lock only queues writers to the same calendar,
 * so a loser sees the winner's committed row and fails at once with 23P01 instead of two concurrent
 * inserts deadlocking inside the exclusion check (which PostgreSQL resolves one per deadlock_timeout).
 */
export async function lockPractitionerCalendar(tx: Tx, practitionerId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`calendar:${practitionerId}`}, 0))`);
}
