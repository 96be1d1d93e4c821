import "server-only";
import { env } from "@/lib/env";
import { randomInt } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { emailChallenges } from "@/db/schema";
import { macFor, signId, verifyMac, verifySignedId } from "@/lib/secrets";

/**
 * One-time codes that prove control of an email address: six digits, sent to the address, stored as an
 * HMAC, valid for BOOKING_VERIFY_MINUTES, at most MAX_CODE_ATTEMPTS wrong tries.
 */
export const MAX_CODE_ATTEMPTS = 5;
const CODE_PURPOSE = "email-code";
const LINK_PURPOSE = "verify-request";

export function verifyMinutes(): number {
  return env().BOOKING_VERIFY_MINUTES;
}

const codeMac = (challengeId: string, code: string) => macFor(CODE_PURPOSE, `${challengeId}:${code}`);

/** A signed, single-purpose link token for a challenge (the link in the email). */
export const linkTokenOf = (challengeId: string) => signId(LINK_PURPOSE, challengeId);
export const challengeOfLinkToken = (token: string) => verifySignedId(LINK_PURPOSE, token);

export async function issueChallenge(tx: Tx, input: { email: string; appointmentId: string | null; now: Date }) {
  const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
  const id = crypto.randomUUID();
  const expiresAt = new Date(input.now.getTime() + verifyMinutes() * 60_000);
  await tx.insert(emailChallenges).values({ id, email: input.email.toLowerCase(), appointmentId: input.appointmentId, codeMac: codeMac(id, code), expiresAt });
  return { id, code, expiresAt };
}

export type CodeCheck = { kind: "ok"; email: string; appointmentId: string | null } | { kind: "wrong"; attemptsLeft: number } | { kind: "expired" } | { kind: "exhausted" } | { kind: "unknown" };

/**
 * Checks a code against a challenge (locked for the check). A wrong code counts; the fifth wrong code
 * ends the challenge ("exhausted"). `code: null` with `viaLink` accepts a genuine link token instead.
 */
export async function checkChallenge(tx: Tx, input: { challengeId: string; code: string | null; viaLink?: boolean; now: Date }): Promise<CodeCheck> {
  const [c] = await tx.select().from(emailChallenges).where(eq(emailChallenges.id, input.challengeId)).for("update");
  if (!c) return { kind: "unknown" };
  if (c.attempts >= MAX_CODE_ATTEMPTS) return { kind: "exhausted" };
  if (c.expiresAt.getTime() <= input.now.getTime()) return { kind: "expired" };
  const good = input.viaLink || (input.code !== null && verifyMac(CODE_PURPOSE, `${c.id}:${input.code}`, c.codeMac));
  if (!good) {
    const attempts = c.attempts + 1;
    await tx.update(emailChallenges).set({ attempts }).where(eq(emailChallenges.id, c.id));
    return attempts >= MAX_CODE_ATTEMPTS ? { kind: "exhausted" } : { kind: "wrong", attemptsLeft: MAX_CODE_ATTEMPTS - attempts };
  }
  if (!c.verifiedAt)
    await tx
      .update(emailChallenges)
      .set({ verifiedAt: sql`now()` })
      .where(eq(emailChallenges.id, c.id));
  return { kind: "ok", email: c.email, appointmentId: c.appointmentId };
}

/** /book: a verified code serves one request; a second use is refused. */
export async function useChallenge(tx: Tx, challengeId: string): Promise<boolean> {
  const used = await tx
    .update(emailChallenges)
    .set({ usedAt: sql`now()` })
    .where(sql`${emailChallenges.id} = ${challengeId} and ${emailChallenges.usedAt} is null and ${emailChallenges.appointmentId} is null`)
    .returning({ id: emailChallenges.id });
  return used.length > 0;
}
