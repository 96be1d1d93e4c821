import "server-only";
import { env } from "@/lib/env";
import type { DbOrTx } from "@/db/client";
import { DomainError } from "@/lib/errors";
import { hit, retryAfterSeconds } from "./index";

/** Public POSTs allowed per client address per minute (PUBLIC_RATE_LIMIT_PER_MINUTE, default 20). */
export function publicLimitPerMinute(): number {
  return env().PUBLIC_RATE_LIMIT_PER_MINUTE;
}

/**
 * Counts one public write from `ip` in `bucket`; past the limit, the caller answers 429 with Retry-After.
 * Counters live in PostgreSQL so the limit holds across app instances.
 */
export async function checkPublicLimit(db: DbOrTx, bucket: string, ip: string, limit: number = publicLimitPerMinute()): Promise<{ ok: true } | { ok: false; retryAfter: number }> {
  const counter = await hit(db, `public:${bucket}:${ip}`, { windowSeconds: 60 });
  if (counter.count > limit) return { ok: false, retryAfter: retryAfterSeconds(counter.resetAt) };
  return { ok: true };
}

/** Reads of the public API (slots, services, ...) per address per minute (API_RATE_LIMIT_PER_MINUTE, default 120). */
export function apiReadLimitPerMinute(): number {
  return env().API_RATE_LIMIT_PER_MINUTE;
}

/** Route handlers: throws the 429. */
export async function enforcePublicLimit(db: DbOrTx, bucket: string, ip: string, limit: number = publicLimitPerMinute()): Promise<void> {
  const result = await checkPublicLimit(db, bucket, ip, limit);
  if (!result.ok) {
    throw new DomainError("rate_limited", "api", { headers: { "Retry-After": String(result.retryAfter) } });
  }
}
