import "server-only";
import { env } from "@/lib/env";
import { eq, sql } from "drizzle-orm";
import type { Transporter } from "nodemailer";
import type { DbOrTx } from "@/db/client";
import { rowsOf } from "@/db/client";
import { appointments, outboxEmails } from "@/db/schema";
import type { EmailContent } from "./templates";

export const MAX_SEND_ATTEMPTS = 5;

/** Emails that carry a single-use account link (lib/accounts): the outbox keeps no working copy once sent. */
export const ACCOUNT_LINK_KINDS = ["portal_setup", "password_reset", "staff_invite"] as const;

/** The outbox's copy of an account email after it went out: admins reading /admin/outbox get no usable link. */
export function redactAccountLinks(body: string): string {
  return body.replace(/\/set-password\/[A-Za-z0-9_-]+/g, "/set-password/[removed once sent]");
}

/** With SMTP configured emails wait for the sender; without, they are held for admins to read. */
export function smtpConfigured(): boolean {
  return Boolean(env().SMTP_URL);
}

/**
 * Writes an email into the outbox inside the caller's transaction. A `dedupeKey` that was used before
 * makes this a no-op (returns false), so a notice is never queued twice.
 */
export async function enqueueEmail(db: DbOrTx, input: { kind: string; to: string; content: EmailContent; appointmentId?: string | null; dedupeKey?: string | null }): Promise<boolean> {
  const rows = await db
    .insert(outboxEmails)
    .values({
      kind: input.kind,
      toAddress: input.to,
      subject: input.content.subject,
      textBody: input.content.text,
      htmlBody: input.content.html,
      appointmentId: input.appointmentId ?? null,
      dedupeKey: input.dedupeKey ?? null,
      status: smtpConfigured() ? "pending" : "held",
    })
    .onConflictDoNothing({ target: outboxEmails.dedupeKey })
    .returning({ id: outboxEmails.id });
  return rows.length > 0;
}

/**
 * Hands pending emails to SMTP. Rows are claimed with FOR UPDATE SKIP LOCKED, so several instances
 * running this at once never send one twice.
 */
export async function deliverPending(db: DbOrTx, transport: Transporter, from: string, limit = 20): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  await db.transaction(async (tx) => {
    const claimed = rowsOf<{ id: string; kind: string; to_address: string; subject: string; text_body: string; html_body: string; attempts: number }>(
      await tx.execute(sql`
        select id, kind, to_address, subject, text_body, html_body, attempts from outbox_emails
        where status = 'pending' order by created_at limit ${limit} for update skip locked`),
    );
    for (const email of claimed) {
      try {
        await transport.sendMail({ from, to: email.to_address, subject: email.subject, text: email.text_body, html: email.html_body });
        const redacted = (ACCOUNT_LINK_KINDS as readonly string[]).includes(email.kind) ? { textBody: redactAccountLinks(email.text_body), htmlBody: redactAccountLinks(email.html_body) } : {};
        await tx
          .update(outboxEmails)
          .set({ status: "sent", sentAt: sql`now()`, attempts: email.attempts + 1, lastError: null, ...redacted })
          .where(eq(outboxEmails.id, email.id));
        sent++;
      } catch (err) {
        const attempts = email.attempts + 1;
        await tx
          .update(outboxEmails)
          .set({ status: attempts >= MAX_SEND_ATTEMPTS ? "failed" : "pending", attempts, lastError: err instanceof Error ? err.message.slice(0, 500) : "send failed" })
          .where(eq(outboxEmails.id, email.id));
        failed++;
      }
    }
  });
  return { sent, failed };
}

export async function listOutbox(db: DbOrTx, limit = 200) {
  return db
    .select({
      id: outboxEmails.id,
      kind: outboxEmails.kind,
      toAddress: outboxEmails.toAddress,
      subject: outboxEmails.subject,
      textBody: outboxEmails.textBody,
      status: outboxEmails.status,
      createdAt: outboxEmails.createdAt,
      sentAt: outboxEmails.sentAt,
      lastError: outboxEmails.lastError,
      // Whose appointment an email is about (the outbox view audits the patients it shows).
      patientId: appointments.patientId,
    })
    .from(outboxEmails)
    .leftJoin(appointments, eq(appointments.id, outboxEmails.appointmentId))
    .orderBy(sql`${outboxEmails.createdAt} desc`)
    .limit(limit);
}
