import "server-only";
import { env } from "@/lib/env";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema";

export type Schema = typeof schema;
/** The database as every lib/ function sees it, whichever driver is behind it. */
export type Db = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** A function that can run inside or outside a transaction takes either. */
export type DbOrTx = Db | Tx;

export type DatabaseKind = "postgres" | "pglite";

/**
 * Plain SQL on the embedded database's single connection, for libraries that bring their own SQL
 * (pg-boss). On PostgreSQL they get their own connection string instead.
 */
export type ExecuteSql = (text: string, values?: unknown[]) => Promise<{ rows: unknown[]; rowCount: number }>;

interface Handle {
  db: Db;
  kind: DatabaseKind;
  executeSql?: ExecuteSql;
  /** LISTEN on a channel (NOTIFY is delivered at commit): the waitlist job wakes on freed times. */
  listen: (channel: string, onNotify: () => void) => Promise<void>;
  close: () => Promise<void>;
}

// NOTE: kept on globalThis, not in a module variable: Next bundles instrumentation.ts, route handlers and
// server components separately, and two PGlite instances on one folder in one process lose writes.
const KEY = Symbol.for("backline.db");
type GlobalWithDb = typeof globalThis & { [KEY]?: Handle };
const g = globalThis as GlobalWithDb;

export function defaultPgliteDir(): string {
  return process.env.PGLITE_DIR ?? path.join(process.cwd(), ".data", "pglite");
}

export function openDatabase(options: { url?: string; pgliteDir?: string } = {}): Handle {
  const url = options.url ?? process.env.DATABASE_URL;
  if (url) {
    const client = postgres(url, {
      max: env().DATABASE_POOL_SIZE,
      idle_timeout: 30,
      connect_timeout: 5,
      onnotice: () => {},
    });
    return {
      db: drizzlePostgres(client, { schema }) as unknown as Db,
      kind: "postgres",
      listen: async (channel, onNotify) => {
        await client.listen(channel, () => onNotify());
      },
      close: () => client.end({ timeout: 5 }),
    };
  }
  const dir = options.pgliteDir ?? defaultPgliteDir();
  if (!dir.startsWith("memory://")) mkdirSync(dir, { recursive: true });
  const client = new PGlite(dir, { extensions: { btree_gist } });
  return {
    db: drizzlePglite(client, { schema }) as unknown as Db,
    kind: "pglite",
    listen: async (channel, onNotify) => {
      await client.listen(channel, () => onNotify());
    },
    executeSql: async (text, values) => {
      // Without parameters the text may hold several statements (pg-boss's migrations do).
      if (!values?.length) {
        const results = await client.exec(text);
        const last = results[results.length - 1];
        return { rows: last?.rows ?? [], rowCount: last?.affectedRows ?? 0 };
      }
      const result = await client.query(text, values);
      return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
    },
    close: () => client.close(),
  };
}

/** The process-wide database, opened on first use (so `next build` never opens it). */
export function getDb(): Db {
  return getHandle().db;
}

export function getHandle(): Handle {
  g[KEY] ??= openDatabase();
  return g[KEY];
}

export async function closeDb(): Promise<void> {
  const handle = g[KEY];
  g[KEY] = undefined;
  await handle?.close();
}

/** Rows of a raw `db.execute(sql...)`, whichever driver answered. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
