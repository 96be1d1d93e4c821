import { afterAll, beforeAll } from "vitest";
import { closeDb, getHandle } from "../client";
import { migrateDatabase } from "../migrate";
import { createThrowawayDatabase, dropThrowawayDatabase } from "./throwaway";

/**
 * For a test file that counts rows across the whole database: on PostgreSQL (where test files share one
 * database and run in parallel) it gets a database of its own; on PGlite every file already has one.
 */
export function withOwnDatabase(): void {
  let url: string | null = null;
  let shared: string | undefined;
  beforeAll(async () => {
    if (!process.env.DATABASE_URL) return;
    shared = process.env.DATABASE_URL;
    await closeDb();
    url = await createThrowawayDatabase(shared, "vitest_own");
    process.env.DATABASE_URL = url;
    const { db, kind } = getHandle();
    await migrateDatabase(db, kind);
  });
  afterAll(async () => {
    if (!url) return;
    await closeDb();
    await dropThrowawayDatabase(url);
    process.env.DATABASE_URL = shared;
  });
}
