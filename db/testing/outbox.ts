import { and, desc, eq } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { outboxEmails } from "../schema";

/** The one-time code in the latest verification email of an appointment (tests read the outbox as a patient reads their inbox). */
export async function codeFromOutbox(db: DbOrTx, where: { appointmentId?: string; to?: string }): Promise<string> {
  const [email] = await db
    .select({ subject: outboxEmails.subject })
    .from(outboxEmails)
    .where(and(where.appointmentId ? eq(outboxEmails.appointmentId, where.appointmentId) : undefined, where.to ? eq(outboxEmails.toAddress, where.to) : undefined))
    .orderBy(desc(outboxEmails.createdAt))
    .limit(1);
  const code = /Your Backline code: (\d{6})/.exec(email?.subject ?? "")?.[1];
  if (!code) throw new Error(`no code email for ${JSON.stringify(where)}`);
  return code;
}
