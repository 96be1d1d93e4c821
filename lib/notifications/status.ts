/**
 * pending: waiting for the sender job; sent: handed to SMTP; failed: gave up after retries;
 * held: no SMTP configured — kept in the outbox for admins to read at /admin/outbox.
 */
export const OUTBOX_STATUSES = ["pending", "sent", "failed", "held"] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];
