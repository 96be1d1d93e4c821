import "server-only";
import { and, eq, gt, isNull, lt, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { authSessions, patients, practitioners, users } from "@/db/schema";
import type { Role } from "./roles";
import type { Discipline } from "@/lib/clinic/disciplines";
import { IDLE_MINUTES, SESSION_MAX_AGE_SECONDS } from "./lifetime";

export interface CurrentUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  sessionId: string;
  /** Set for patients with a portal account. */
  patientId: string | null;
  /** Set for practitioners. */
  practitionerId: string | null;
  discipline: Discipline | null;
}

export async function createSession(db: DbOrTx, input: { userId: string; sessionVersion: number; ip: string | null; userAgent: string | null }) {
  const [row] = await db
    .insert(authSessions)
    .values({
      userId: input.userId,
      sessionVersion: input.sessionVersion,
      ip: input.ip,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
      expiresAt: sql`now() + make_interval(secs => ${SESSION_MAX_AGE_SECONDS})`,
    })
    .returning({ id: authSessions.id });
  return row!.id;
}

/**
 * The user behind a session id, if the session is still live: not revoked, not expired, minted at the
 * user's current session version, and the user not disabled. One indexed query.
 */
export async function loadSessionUser(db: DbOrTx, sessionId: string): Promise<CurrentUser | null> {
  if (!/^[0-9a-f-]{36}$/i.test(sessionId)) return null;
  const rows = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      sessionId: authSessions.id,
      patientId: patients.id,
      practitionerId: practitioners.id,
      discipline: practitioners.discipline,
    })
    .from(authSessions)
    .innerJoin(users, eq(users.id, authSessions.userId))
    .leftJoin(patients, eq(patients.userId, users.id))
    .leftJoin(practitioners, eq(practitioners.userId, users.id))
    .where(
      and(
        eq(authSessions.id, sessionId),
        isNull(authSessions.revokedAt),
        gt(authSessions.expiresAt, sql`now()`),
        eq(authSessions.sessionVersion, users.sessionVersion),
        isNull(users.disabledAt),
        // Idle timeout by role: patients 30 min, everyone else 15 (configurable).
        sql`${authSessions.lastSeenAt} > now() - make_interval(mins => case when ${users.role} = 'patient' then ${IDLE_MINUTES.patient}::int else ${IDLE_MINUTES.staff}::int end)`,
      ),
    )
    .limit(1);
  const user = rows[0] ?? null;
  // Touch the session at most once a minute: keeps it alive without a write on every request.
  if (user) {
    await db
      .update(authSessions)
      .set({ lastSeenAt: sql`now()` })
      .where(and(eq(authSessions.id, sessionId), lt(authSessions.lastSeenAt, sql`now() - interval '1 minute'`)));
  }
  return user;
}

/** Sign-out: ends this one session. */
export async function revokeSession(db: DbOrTx, sessionId: string): Promise<void> {
  if (!/^[0-9a-f-]{36}$/i.test(sessionId)) return;
  await db
    .update(authSessions)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(authSessions.id, sessionId), isNull(authSessions.revokedAt)));
}

/**
 * Password change or disabling: bumps the user's session version, which ends every existing session
 * of that user on every instance at once, and marks their rows revoked for the record.
 */
export async function revokeAllSessions(db: DbOrTx, userId: string): Promise<number> {
  const [row] = await db
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId))
    .returning({ sessionVersion: users.sessionVersion });
  await db
    .update(authSessions)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(authSessions.userId, userId), isNull(authSessions.revokedAt)));
  return row?.sessionVersion ?? 0;
}
