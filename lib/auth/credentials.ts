import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { clear, hit, peek } from "@/lib/rate-limit";
import { ipOrNull } from "@/lib/http/ip";
import { timingDummyHash, verifyPassword } from "./password";
import { createSession } from "./sessions";
import type { Role } from "./roles";

/**
 * Failed sign-ins are counted per account and per client address in PostgreSQL. After
 * SIGNIN_MAX_FAILURES failures within the window, further attempts for that account — and from that
 * address — are refused, even with the right password, until the lock ends.
 */
export const SIGNIN_MAX_FAILURES = Number(process.env.SIGNIN_MAX_FAILURES ?? 10);
export const SIGNIN_WINDOW_SECONDS = Number(process.env.SIGNIN_WINDOW_SECONDS ?? 15 * 60);
export const SIGNIN_LOCK_SECONDS = Number(process.env.SIGNIN_LOCK_SECONDS ?? 15 * 60);

export const accountKey = (email: string) => `signin:account:${email.toLowerCase()}`;
export const ipKey = (ip: string) => `signin:ip:${ip}`;

export type AuthenticateResult =
  | { ok: true; user: { id: string; email: string; name: string; role: Role; sessionVersion: number }; sessionId: string }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "locked"; retryAt: Date };

/** When sign-in is paused for this account or address: the time it resumes, else null. */
export async function signInLockFor(db: Db, email: string, ip: string): Promise<Date | null> {
  const counters = await peek(db, [accountKey(email.trim().toLowerCase()), ipKey(ip)]);
  const locked = counters.filter((c) => c.count >= SIGNIN_MAX_FAILURES);
  return locked.length ? new Date(Math.max(...locked.map((c) => c.resetAt.getTime()))) : null;
}

export async function authenticate(
  db: Db,
  input: { email: string; password: string; ip: string; userAgent: string | null },
): Promise<AuthenticateResult> {
  const email = input.email.trim().toLowerCase();
  const keys = [accountKey(email), ipKey(input.ip)];

  const lockedUntil = await signInLockFor(db, email, input.ip);
  if (lockedUntil) return { ok: false, reason: "locked", retryAt: lockedUntil };

  const [user] = await db.select().from(users).where(eq(sql`lower(${users.email})`, email)).limit(1);
  // Verify against a dummy hash when there is no such user, so both answers take as long.
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await timingDummyHash()), input.password);

  if (!user || !passwordOk || user.disabledAt) {
    const options = { windowSeconds: SIGNIN_WINDOW_SECONDS, lock: { limit: SIGNIN_MAX_FAILURES, seconds: SIGNIN_LOCK_SECONDS } };
    await Promise.all(keys.map((key) => hit(db, key, options)));
    return { ok: false, reason: "invalid" };
  }

  // A success clears the account's failures; the address's stay, or one valid account could be used
  // to reset the counter while guessing others.
  await clear(db, [accountKey(email)]);
  const sessionId = await createSession(db, {
    userId: user.id,
    sessionVersion: user.sessionVersion,
    ip: ipOrNull(input.ip),
    userAgent: input.userAgent,
  });
  return {
    ok: true,
    user: { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion },
    sessionId,
  };
}
