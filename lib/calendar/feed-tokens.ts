import "server-only";
import { randomBytes } from "node:crypto";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { calendarFeedTokens, practitioners } from "@/db/schema";
import { hashToken } from "@/lib/accounts/tokens";
import type { CurrentUser } from "@/lib/auth";
import { recordAuditEvent } from "@/lib/audit";
import { DomainError } from "@/lib/errors";

/**
 * Private calendar subscriptions (iCal feeds). A feed URL is /calendar/<token>.ics with 256 random bits
 * (never derived from the practitioner's id); the database keeps only its SHA-256. A practitioner has one
 * per device or app, sees them listed on /account, and revokes them one by one.
 */
type Viewer = Pick<CurrentUser, "id" | "role" | "practitionerId">;

const TOKEN = /^[A-Za-z0-9_-]{43}$/;
export const feedPath = (token: string) => `/calendar/${token}.ics`;

/** Feeds are a practitioner's own schedule: only practitioners have them, and only their own. */
export function canManageFeeds(viewer: Pick<CurrentUser, "role" | "practitionerId">): boolean {
  return viewer.role === "practitioner" && Boolean(viewer.practitionerId);
}

/** A new feed; the token is returned once (shown once on /account) and never stored. */
export async function createFeedToken(db: DbOrTx, input: { viewer: Viewer; label: string }): Promise<{ id: string; token: string }> {
  if (!canManageFeeds(input.viewer)) throw new DomainError("forbidden", "calendar_feeds");
  const token = randomBytes(32).toString("base64url");
  const [row] = await db
    .insert(calendarFeedTokens)
    .values({ userId: input.viewer.id, practitionerId: input.viewer.practitionerId!, label: input.label, tokenHash: hashToken(token) })
    .returning({ id: calendarFeedTokens.id });
  await recordAuditEvent(db, { actor: input.viewer, action: "calendar_feed.created", entityType: "calendar_feed", entityId: row!.id });
  return { id: row!.id, token };
}

/** The viewer's feeds, newest first (revoked ones too, marked). */
export async function listFeedTokens(db: DbOrTx, viewer: Viewer) {
  if (!canManageFeeds(viewer)) return [];
  return db
    .select({ id: calendarFeedTokens.id, label: calendarFeedTokens.label, createdAt: calendarFeedTokens.createdAt, lastUsedAt: calendarFeedTokens.lastUsedAt, revokedAt: calendarFeedTokens.revokedAt })
    .from(calendarFeedTokens)
    .where(eq(calendarFeedTokens.userId, viewer.id))
    .orderBy(desc(calendarFeedTokens.createdAt));
}

/** Ends one feed; the others keep working. Only the owner revokes (someone else's id is "not found"). */
export async function revokeFeedToken(db: DbOrTx, input: { viewer: Viewer; id: string }): Promise<void> {
  if (!canManageFeeds(input.viewer)) throw new DomainError("forbidden", "calendar_feeds");
  const revoked = await db
    .update(calendarFeedTokens)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(calendarFeedTokens.id, input.id), eq(calendarFeedTokens.userId, input.viewer.id), isNull(calendarFeedTokens.revokedAt)))
    .returning({ id: calendarFeedTokens.id });
  if (!revoked.length) throw new DomainError("not_found", "calendar");
  await recordAuditEvent(db, { actor: input.viewer, action: "calendar_feed.revoked", entityType: "calendar_feed", entityId: input.id });
}

/**
 * Whose feed a URL token opens: a live token of an active practitioner, or null (unknown, revoked,
 * malformed, or the practitioner has left). Marks the token used.
 */
export async function resolveFeedToken(db: DbOrTx, token: string): Promise<{ tokenId: string; userId: string; practitionerId: string; practitionerName: string } | null> {
  if (!TOKEN.test(token)) return null;
  const [row] = await db
    .select({ tokenId: calendarFeedTokens.id, userId: calendarFeedTokens.userId, practitionerId: calendarFeedTokens.practitionerId, practitionerName: practitioners.displayName })
    .from(calendarFeedTokens)
    .innerJoin(practitioners, eq(practitioners.id, calendarFeedTokens.practitionerId))
    .where(and(eq(calendarFeedTokens.tokenHash, hashToken(token)), isNull(calendarFeedTokens.revokedAt), eq(practitioners.isActive, true)));
  if (!row) return null;
  await db
    .update(calendarFeedTokens)
    .set({ lastUsedAt: sql`now()` })
    .where(eq(calendarFeedTokens.id, row.tokenId));
  return row;
}
