import { afterAll, beforeAll } from "vitest";
import { closeDb, getHandle } from "../client";
import { migrateDatabase } from "../migrate";

// Each test file gets a fresh in-memory PGlite unless the run uses a throwaway PostgreSQL database.
if (!process.env.DATABASE_URL) process.env.PGLITE_DIR = "memory://";

beforeAll(async () => {
  const { db, kind } = getHandle();
  if (kind === "pglite") await migrateDatabase(db, kind);
});

afterAll(async () => {
  await closeDb();
});
