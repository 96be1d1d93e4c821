import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openDatabase } from "../client";
import { migrateDatabase } from "../migrate";
import { createThrowawayDatabase, dropThrowawayDatabase } from "./throwaway";

/**
 * A migrated database of its own for an e2e or bench run: a throwaway PostgreSQL database when
 * DATABASE_URL is set, otherwise a fresh PGlite folder. `env` points a server at it; `cleanup` removes it.
 */
export async function openIsolatedDatabase(label: string) {
  let env: Record<string, string>;
  let handle: ReturnType<typeof openDatabase>;
  let remove: () => Promise<void>;
  if (process.env.DATABASE_URL) {
    const url = await createThrowawayDatabase(process.env.DATABASE_URL, label);
    env = { DATABASE_URL: url };
    handle = openDatabase({ url });
    remove = () => dropThrowawayDatabase(url);
  } else {
    const dir = mkdtempSync(path.join(tmpdir(), `backline-${label}-`));
    env = { PGLITE_DIR: dir };
    handle = openDatabase({ pgliteDir: dir });
    remove = async () => rmSync(dir, { recursive: true, force: true });
  }
  await migrateDatabase(handle.db, handle.kind);
  let closed = false;
  return {
    env,
    handle,
    /** Close before a server opens it: PGlite must have one process only. */
    close: async () => {
      if (!closed) await handle.close();
      closed = true;
    },
    cleanup: async () => {
      if (!closed) await handle.close();
      closed = true;
      await remove();
    },
  };
}
