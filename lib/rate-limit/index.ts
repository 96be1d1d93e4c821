import "server-only";
import { inArray, lt, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { rowsOf } from "@/db/client";
import { rateLimits } from "@/db/schema";

/**
 * Fixed-window counters in PostgreSQL, so a limit holds across every app instance. One upsert per hit;
 * the database clock decides windows.
 */

export interface Counter {
  key: string;
  count: number;
  /** When the window (or lock) ends. */
  resetAt: Date;
}

export interface WindowOptions {
  windowSeconds: number;
  /**
   * Once the count reaches `limit`, keep the key blocked for at least this long from now (sign-in
   * lockout), instead of letting the window run out on its own.
   */
  lock?: { limit: number; seconds: number };
}

/** Counts one hit on `key` and returns the count in the current window. */
export async function hit(db: DbOrTx, key: string, options: WindowOptions): Promise<Counter> {
  const window = sql`make_interval(secs => ${options.windowSeconds})`;
  const lockLimit = options.lock?.limit ?? 2_147_483_647;
  const lockSeconds = options.lock?.seconds ?? 0;
  const result = await db.execute(sql`
    insert into rate_limits as r (key, count, window_started_at, window_ends_at)
    values (${key}, 1, now(), now() + ${window})
    on conflict (key) do update set
      count = case when r.window_ends_at <= now() then 1 else r.count + 1 end,
      window_started_at = case when r.window_ends_at <= now() then now() else r.window_started_at end,
      window_ends_at = case
        when r.window_ends_at <= now() then now() + ${window}
        when r.count + 1 >= ${lockLimit} then greatest(r.window_ends_at, now() + make_interval(secs => ${lockSeconds}))
        else r.window_ends_at
      end
    returning key, count, window_ends_at`);
  const row = rowsOf<{ key: string; count: number; window_ends_at: Date | string }>(result)[0];
  // An upsert with RETURNING always answers one row; anything else is a broken connection, not a count.
  if (!row) throw new Error("rate limit upsert returned no row", { cause: { code: "CONNECTION_CLOSED" } });
  return { key: row.key, count: Number(row.count), resetAt: new Date(row.window_ends_at) };
}

/** The live counters of these keys (expired windows count as zero and are left out). */
export async function peek(db: DbOrTx, keys: string[]): Promise<Counter[]> {
  if (!keys.length) return [];
  const rows = await db
    .select()
    .from(rateLimits)
    .where(sql`${inArray(rateLimits.key, keys)} and ${rateLimits.windowEndsAt} > now()`);
  return rows.map((r) => ({ key: r.key, count: r.count, resetAt: r.windowEndsAt }));
}

export async function clear(db: DbOrTx, keys: string[]): Promise<void> {
  if (keys.length) await db.delete(rateLimits).where(inArray(rateLimits.key, keys));
}

/** Housekeeping: drop windows that ended long ago. */
export async function pruneExpired(db: DbOrTx, olderThanSeconds = 3600): Promise<void> {
  await db.delete(rateLimits).where(lt(rateLimits.windowEndsAt, sql`now() - make_interval(secs => ${olderThanSeconds})`));
}

export function retryAfterSeconds(resetAt: Date, now: Date = new Date()): number {
  return Math.max(1, Math.ceil((resetAt.getTime() - now.getTime()) / 1000));
}
