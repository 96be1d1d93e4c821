import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { rowsOf } from "@/db/client";
import { waitlistEntries, waitlistOffers } from "@/db/schema";

/** Why an offer can no longer be accepted (its status, or "expired" when the hold ran out unseen). */
export type OfferGoneReason = "accepted" | "declined" | "expired" | "lost" | "withdrawn" | "unknown";

export class OfferGone extends Error {
  constructor(readonly reason: OfferGoneReason) {
    super(`waitlist offer ${reason}`);
  }
}

/**
 * Inside the booking transaction, after the practitioner's calendar lock: takes the held time for the
 * accepting patient. The offer row is locked (concurrent accepts of one offer queue here and the later
 * ones find it accepted); the transaction names the offer so the hold trigger lets this one booking in.
 */
export async function takeHeldTime(tx: Tx, offerId: string, now: Date): Promise<void> {
  const [offer] = rowsOf<{ status: string; expires_at: string | Date }>(await tx.execute(sql`select status, expires_at from waitlist_offers where id = ${offerId}::uuid for update`));
  if (!offer) throw new OfferGone("unknown");
  if (offer.status !== "offered") throw new OfferGone(offer.status as OfferGoneReason);
  if (new Date(offer.expires_at).getTime() <= now.getTime()) throw new OfferGone("expired");
  await tx.execute(sql`select set_config('backline.accepting_offer', ${offerId}, true)`);
}

/** The booking made from the offer: the offer is accepted and the patient leaves the list. */
export async function markOfferAccepted(tx: Tx, offerId: string, appointmentId: string, now: Date): Promise<void> {
  const [offer] = await tx.update(waitlistOffers).set({ status: "accepted", appointmentId, respondedAt: now }).where(eq(waitlistOffers.id, offerId)).returning({ entryId: waitlistOffers.entryId });
  await tx.update(waitlistEntries).set({ status: "booked", appointmentId, updatedAt: now }).where(eq(waitlistEntries.id, offer!.entryId));
  await tx.execute(sql`select set_config('backline.accepting_offer', '', true)`);
}
