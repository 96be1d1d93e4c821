import "server-only";
import { getClinic } from "@/lib/clinic/context";
import type { Db } from "@/db/client";
import { enqueueEmail } from "@/lib/notifications/outbox";
import { bookingCodeEmail } from "@/lib/notifications/templates";
import { hit } from "@/lib/rate-limit";
import { checkChallenge, issueChallenge, verifyMinutes } from "./challenges";

/** Codes one address may be sent per 15 minutes (so nobody floods a stranger's inbox through us). */
const CODES_PER_ADDRESS = 5;

/**
 * /book: "email me a code". The answer is the same whether or not the address belongs to a patient; only
 * the address's owner gets the code. Returns null past the per-address limit.
 */
export async function sendBookingCode(db: Db, input: { email: string; now?: Date }): Promise<{ challengeId: string; expiresAt: Date } | null> {
  const email = input.email.toLowerCase();
  const counter = await hit(db, `booking-code:${email}`, { windowSeconds: 15 * 60 });
  if (counter.count > CODES_PER_ADDRESS) return null;
  return db.transaction(async (tx) => {
    const challenge = await issueChallenge(tx, { email, appointmentId: null, now: input.now ?? new Date() });
    await enqueueEmail(tx, {
      kind: "booking_code",
      to: email,
      content: bookingCodeEmail({ code: challenge.code, minutes: verifyMinutes(), clinicName: (await getClinic(tx)).name }),
      appointmentId: null,
      dedupeKey: `booking_code:${challenge.id}`,
    });
    return { challengeId: challenge.id, expiresAt: challenge.expiresAt };
  });
}

/** Does this code prove this address? A wrong code counts towards the challenge's five tries. */
export async function provenEmail(
  db: Db,
  input: { challengeId: string; code: string; email: string; now?: Date },
): Promise<{ ok: true } | { ok: false; code: "wrong_code" | "expired"; key: string; params?: Record<string, number> }> {
  const check = await db.transaction((tx) => checkChallenge(tx, { challengeId: input.challengeId, code: input.code, now: input.now ?? new Date() }));
  if (check.kind === "ok" && check.appointmentId === null && check.email === input.email.toLowerCase()) return { ok: true };
  if (check.kind === "wrong") return { ok: false, code: "wrong_code", key: "default", params: { attemptsLeft: check.attemptsLeft } };
  if (check.kind === "ok") return { ok: false, code: "wrong_code", key: "other_address" };
  return { ok: false, code: "expired", key: "code" };
}
