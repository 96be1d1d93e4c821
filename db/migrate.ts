import path from "node:path";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import type { PostgresJsDatabase } from "drizzle-orm/postgres-js";
import type { Db, DatabaseKind } from "./client";

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");

/** Applies db/migrations (drizzle-kit output plus hand-written SQL) to either database. */
export async function migrateDatabase(db: Db, kind: DatabaseKind): Promise<void> {
  const config = { migrationsFolder: MIGRATIONS_FOLDER };
  if (kind === "pglite") await migratePglite(db as unknown as PgliteDatabase, config);
  else await migratePostgres(db as unknown as PostgresJsDatabase, config);
}
