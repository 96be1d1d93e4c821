/**
 * npm run db:migrate | db:seed | db:reset — against DATABASE_URL, or the embedded folder when unset
 * (never while the app is running on that folder: PGlite has no lock between processes).
 */
import { closeDb, getDb, getHandle } from "./client";
import { migrateDatabase } from "./migrate";
import { isSeeded, seedDemoClinic } from "./seed/demo";
import { sql } from "drizzle-orm";

async function main(command: string | undefined) {
  const { kind } = getHandle();
  const db = getDb();
  switch (command) {
    case "migrate":
      await migrateDatabase(db, kind);
      console.warn(`migrated (${kind})`);
      break;
    case "seed":
      await migrateDatabase(db, kind);
      if (await isSeeded(db)) console.warn("already seeded; nothing to do (use db:reset to start over)");
      else {
        await seedDemoClinic(db);
        console.warn(`seeded the demo clinic (${kind})`);
      }
      break;
    case "reset":
      await db.execute(sql`drop schema if exists public cascade`);
      await db.execute(sql`drop schema if exists drizzle cascade`);
      await db.execute(sql`create schema public`);
      await migrateDatabase(db, kind);
      await seedDemoClinic(db);
      console.warn(`reset, migrated and seeded (${kind})`);
      break;
    default:
      console.error("usage: db/cli.ts migrate|seed|reset");
      process.exitCode = 2;
  }
  await closeDb();
}

main(process.argv[2]).catch(async (err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
  await closeDb();
});
