import { getHandle } from "./client";
import { migrateDatabase } from "./migrate";
import { isSeeded, seedDemoClinic } from "./seed/demo";
import { logger } from "@/lib/log";

/**
 * Runs inside the app process on start (instrumentation.ts). The embedded database is migrated and,
 * on first start, seeded with the demo clinic — in this process, because PGlite has no lock between
 * processes. A real PostgreSQL is migrated and seeded by `npm run db:migrate` / `npm run db:seed`
 * before instances start, so several instances never race on migrations.
 */
export async function prepareDatabase(): Promise<void> {
  const { db, kind } = getHandle();
  if (kind !== "pglite") return;
  const started = Date.now();
  await migrateDatabase(db, kind);
  if (!(await isSeeded(db))) {
    await seedDemoClinic(db);
    logger.info({ ms: Date.now() - started }, "embedded database migrated and seeded with the demo clinic");
  } else {
    logger.info({ ms: Date.now() - started }, "embedded database migrated");
  }
}
