import "server-only";
import { env } from "@/lib/env";
import PgBoss from "pg-boss";
import { getDb, getHandle } from "@/db/client";
import { appBaseUrl } from "@/lib/http/base-url";
import { errorFields, logger } from "@/lib/log";
import { deliverPending, smtpConfigured } from "@/lib/notifications/outbox";
import { mailFrom, mailTransport } from "@/lib/notifications/mailer";
import { queueDueReminders } from "@/lib/notifications/reminders";
import { pruneExpired } from "@/lib/rate-limit";
import { pruneIdempotencyKeys } from "@/lib/booking/maintenance";
import { casesWithActiveRegimens, raiseCheckIns } from "@/lib/regimens/regimens";
import { loadClinic } from "@/lib/clinic/context";
import { expireOverdueRequests } from "@/lib/verification/requests";
import { processWaitlist } from "@/lib/waitlist/commands";

/**
 * Background work on pg-boss, a job queue kept in PostgreSQL: no in-process timers decide anything, and
 * with several app instances each job runs once (pg-boss claims jobs with SKIP LOCKED; cron schedules
 * are deduplicated in the database).
 */

export const QUEUES = {
  reminders: "reminders-sweep",
  deliver: "outbox-deliver",
  maintenance: "maintenance",
  checkIns: "regimen-check-ins",
  verificationExpiry: "verification-expiry",
  waitlist: "waitlist",
} as const;

const KEY = Symbol.for("backline.jobs");
type G = typeof globalThis & { [KEY]?: Promise<PgBoss | null> };
const g = globalThis as G;

export function startJobs(): Promise<PgBoss | null> {
  g[KEY] ??= start().catch((err) => {
    logger.error(errorFields(err), "job queue did not start");
    return null;
  });
  return g[KEY];
}

async function start(): Promise<PgBoss | null> {
  if (env().JOBS_DISABLED) return null;
  const handle = getHandle();
  const boss =
    handle.kind === "postgres" ? new PgBoss({ connectionString: process.env.DATABASE_URL!, max: 2, application_name: "backline-jobs" }) : new PgBoss({ db: { executeSql: handle.executeSql! } });
  boss.on("error", (err) => logger.error(errorFields(err), "job queue error"));
  await boss.start();

  for (const name of Object.values(QUEUES)) {
    // The waitlist queue keeps at most one run waiting behind the running one: a burst of freed times
    // becomes one more pass, and every pass takes all that is pending.
    await boss.createQueue(name, name === QUEUES.waitlist ? { name, policy: "stately" } : undefined);
  }
  await boss.schedule(QUEUES.reminders, "*/5 * * * *");
  await boss.schedule(QUEUES.deliver, "* * * * *");
  await boss.schedule(QUEUES.maintenance, "17 * * * *");
  await boss.schedule(QUEUES.verificationExpiry, "* * * * *");
  // Holds that ran out, and anything a wake-up missed, each minute; freed times wake it at once (NOTIFY).
  await boss.schedule(QUEUES.waitlist, "* * * * *");
  await handle.listen("backline_waitlist", () => {
    void boss.send(QUEUES.waitlist, {}, { singletonKey: "waitlist" }).catch((err) => logger.warn(errorFields(err), "waitlist wake-up not queued"));
  });
  // 6 am at the clinic's main location; each case's "today" is its patient's own (lib/patients/zone).
  await boss.schedule(QUEUES.checkIns, "0 6 * * *", {}, { tz: (await loadClinic(getDb())).timeZone });

  await boss.work(QUEUES.reminders, async () => {
    const queued = await queueDueReminders(getDb(), appBaseUrl());
    if (queued) logger.info({ queued }, "reminders queued");
    if (queued && smtpConfigured()) await boss.send(QUEUES.deliver, {});
  });
  await boss.work(QUEUES.deliver, async () => {
    if (!smtpConfigured()) return;
    const result = await deliverPending(getDb(), mailTransport(), mailFrom());
    if (result.sent || result.failed) logger.info(result, "outbox delivered");
  });
  await boss.work(QUEUES.checkIns, async () => {
    let raised = 0;
    for (const { caseId } of await casesWithActiveRegimens(getDb())) raised += await raiseCheckIns(getDb(), caseId);
    if (raised) logger.info({ raised }, "regimen check-ins raised");
  });
  await boss.work(QUEUES.verificationExpiry, async () => {
    // Unverified requests whose hold ran out free their time (and write nothing to anyone's record).
    const expired = await expireOverdueRequests(getDb());
    if (expired) logger.info({ expired }, "unverified requests expired");
  });
  await boss.work(QUEUES.waitlist, { pollingIntervalSeconds: 0.5 }, async () => {
    const result = await processWaitlist(getDb(), { baseUrl: appBaseUrl() });
    if (result.offered || result.expired) logger.info(result, "waitlist offers");
    if (result.offered && smtpConfigured()) await boss.send(QUEUES.deliver, {});
  });
  await boss.work(QUEUES.maintenance, async () => {
    await pruneExpired(getDb());
    await pruneIdempotencyKeys(getDb());
  });
  logger.info({ database: handle.kind }, "job queue started");
  return boss;
}

/** After a write that queued email: deliver soon rather than at the next minute. */
export async function nudgeDelivery(): Promise<void> {
  if (!smtpConfigured()) return;
  const boss = await g[KEY];
  await boss?.send(QUEUES.deliver, {}, { singletonKey: "deliver-now", singletonSeconds: 5 }).catch(() => undefined);
}
