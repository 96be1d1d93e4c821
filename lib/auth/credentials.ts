import "server-only";
import { env } from "@/lib/env";
import { eq, sql } from "drizzle-orm";
import { getDb, type Db } from "@/db/client";
import { users } from "@/db/schema";
import { clear, hit, peek } from "@/lib/rate-limit";
import { ipOrNull } from "@/lib/http/ip";
import { deviceEntryFor, withDeviceEntry } from "./device-cookie";
import { timingDummyHash, verifyPassword } from "./password";
import { createSession } from "./sessions";
import type { Role } from "./roles";

/**
 * Failed sign-ins are counted in PostgreSQL. A browser that signed in to the account before (a valid
 * device cookie, lib/auth/device-cookie.ts) is limited on its own: only its own failures pause it.
 * Any other browser is limited per account and per client address: after SIGNIN_MAX_FAILURES failures
 * within the window, further attempts for that account — and from that address — are refused, even
 * with the right password, until the pause ends. So a stranger guessing a password pauses strangers,
 * never the person on the browser they always use.
 */
export const SIGNIN_MAX_FAILURES = env().SIGNIN_MAX_FAILURES;
export const SIGNIN_WINDOW_SECONDS = env().SIGNIN_WINDOW_SECONDS;
export const SIGNIN_LOCK_SECONDS = env().SIGNIN_LOCK_SECONDS;

export const accountKey = (email: string) => `signin:account:${email.toLowerCase()}`;
export const ipKey = (ip: string) => `signin:ip:${ip}`;
export const deviceKey = (nonce: string) => `signin:device:${nonce}`;

export type AuthenticateResult =
  | {
      ok: true;
      user: { id: string; email: string; name: string; role: Role; sessionVersion: number };
      sessionId: string;
      /** The device cookie to set on this browser (a fresh entry for this account). */
      deviceCookie: string;
    }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "locked"; retryAt: Date };

export interface SignInAttempt {
  email: string;
  ip: string;
  /** The browser's device cookie, if it sent one. */
  deviceCookie?: string | null;
}

async function findUser(db: Db, email: string) {
  const [user] = await db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.email})`, email))
    .limit(1);
  return user ?? null;
}

/** The counters that decide for this attempt: the device's own, or the account's and the address's. */
function keysFor(attempt: { email: string; ip: string }, trustedNonce: string | null): string[] {
  return trustedNonce ? [deviceKey(trustedNonce)] : [accountKey(attempt.email), ipKey(attempt.ip)];
}

async function lockFrom(db: Db, keys: string[]): Promise<Date | null> {
  const locked = (await peek(db, keys)).filter((c) => c.count >= SIGNIN_MAX_FAILURES);
  return locked.length ? new Date(Math.max(...locked.map((c) => c.resetAt.getTime()))) : null;
}

/** When sign-in is paused for this attempt: the time it resumes, else null. */
export async function signInLockFor(db: Db, attempt: SignInAttempt): Promise<Date | null> {
  const email = attempt.email.trim().toLowerCase();
  const user = attempt.deviceCookie ? await findUser(db, email) : null;
  const trusted = user ? deviceEntryFor(attempt.deviceCookie, user.id) : null;
  return lockFrom(db, keysFor({ email, ip: attempt.ip }, trusted?.nonce ?? null));
}

export async function authenticate(db: Db, input: SignInAttempt & { password: string; userAgent: string | null }): Promise<AuthenticateResult> {
  const email = input.email.trim().toLowerCase();
  const user = await findUser(db, email);
  const trusted = user ? deviceEntryFor(input.deviceCookie, user.id) : null;
  const keys = keysFor({ email, ip: input.ip }, trusted?.nonce ?? null);

  const lockedUntil = await lockFrom(db, keys);
  if (lockedUntil) return { ok: false, reason: "locked", retryAt: lockedUntil };

  // Verify against a dummy hash when there is no such user, so both answers take as long.
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await timingDummyHash()), input.password);

  if (!user || !passwordOk || user.disabledAt) {
    const options = { windowSeconds: SIGNIN_WINDOW_SECONDS, lock: { limit: SIGNIN_MAX_FAILURES, seconds: SIGNIN_LOCK_SECONDS } };
    await Promise.all(keys.map((key) => hit(db, key, options)));
    return { ok: false, reason: "invalid" };
  }

  // A success clears the failures it was judged by: the device's own, or the account's. The address's
  // stay, or one valid account could be used to reset the counter while guessing others; and a trusted
  // browser's success leaves the account's, or the guesser could keep going.
  await clear(db, trusted ? [deviceKey(trusted.nonce)] : [accountKey(email)]);
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
    deviceCookie: withDeviceEntry(input.deviceCookie, user.id),
  };
}

/** The sign-in route's question, on the process's database: is sign-in paused for this attempt, and until when? */
export function signInLock(attempt: SignInAttempt): Promise<Date | null> {
  return signInLockFor(getDb(), attempt);
}
