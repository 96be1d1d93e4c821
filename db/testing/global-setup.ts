import type { TestProject } from "vitest/node";
import { createThrowawayDatabase, dropThrowawayDatabase } from "./throwaway";
import { migrateDatabase } from "../migrate";
import { openDatabase } from "../client";

/**
 * With DATABASE_URL: one throwaway PostgreSQL database for this run, migrated once, dropped at the end.
 * Without: every test file opens its own in-memory PGlite (see setup.ts).
 */
export default async function setup(_project: TestProject) {
  const base = process.env.DATABASE_URL;
  if (!base) return;
  const url = await createThrowawayDatabase(base, "vitest");
  const handle = openDatabase({ url });
  try {
    await migrateDatabase(handle.db, "postgres");
  } finally {
    await handle.close();
  }
  process.env.DATABASE_URL = url;
  return async () => {
    await dropThrowawayDatabase(url);
  };
}
