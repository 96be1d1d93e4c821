import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNull, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { accountTokens } from "@/db/schema";
import { tokenLifetimeSeconds, type AccountTokenPurpose } from "./purposes";

/**
 * Account links carry 256 random bits (base64url, 43 characters) — never an HMAC of an id, so nothing
 * about a link can be derived from the record it points at, and each one can be ended on its own. The
 * database keeps only a SHA-256 of it (a fast hash is enough for 256 random bits).
 */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export const SET_PASSWORD_PATH = "/set-password";

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function accountLinkUrl(baseUrl: string, token: string): string {
  return `${baseUrl}${SET_PASSWORD_PATH}/${token}`;
}

export type AccountToken = typeof accountTokens.$inferSelect;

type IssueInput = Pick<typeof accountTokens.$inferInsert, "email" | "userId" | "patientId" | "name" | "role" | "discipline" | "locationId" | "createdBy"> & {
  purpose: AccountTokenPurpose;
};

/**
 * A new link; the same purpose's earlier open links for the same person (account, patient, or invited
 * address) are revoked, so only the newest email works.
 */
export async function issueAccountToken(tx: DbOrTx, input: IssueInput): Promise<{ token: string; row: AccountToken }> {
  const email = input.email.trim().toLowerCase();
  const same: SQL =
    input.purpose === "password_reset"
      ? eq(accountTokens.userId, input.userId!)
      : input.purpose === "portal_setup"
        ? eq(accountTokens.patientId, input.patientId!)
        : sql`lower(${accountTokens.email}) = ${email}`;
  await tx
    .update(accountTokens)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(accountTokens.purpose, input.purpose), same, isNull(accountTokens.usedAt), isNull(accountTokens.revokedAt)));
  const token = randomBytes(32).toString("base64url");
  const [row] = await tx
    .insert(accountTokens)
    .values({ ...input, email, tokenHash: hashToken(token), expiresAt: sql`now() + make_interval(secs => ${tokenLifetimeSeconds(input.purpose)})` })
    .returning();
  return { token, row: row! };
}

const open = () => and(isNull(accountTokens.usedAt), isNull(accountTokens.revokedAt), gt(accountTokens.expiresAt, sql`now()`));

/** The link behind a token if it still works (for showing the page; does not use it up). */
export async function findOpenAccountToken(db: DbOrTx, token: string): Promise<AccountToken | null> {
  if (!TOKEN.test(token)) return null;
  const [row] = await db
    .select()
    .from(accountTokens)
    .where(and(eq(accountTokens.tokenHash, hashToken(token)), open()))
    .limit(1);
  return row ?? null;
}

/** Uses the link up, atomically: of two requests with one token, one gets the row and the other null. */
export async function consumeAccountToken(tx: DbOrTx, token: string): Promise<AccountToken | null> {
  if (!TOKEN.test(token)) return null;
  const [row] = await tx
    .update(accountTokens)
    .set({ usedAt: sql`now()` })
    .where(and(eq(accountTokens.tokenHash, hashToken(token)), open()))
    .returning();
  return row ?? null;
}
