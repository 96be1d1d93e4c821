import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";

/** A real round trip to the database, bounded so a hung server answers "unreachable" quickly. */
export async function checkDatabase(timeoutMs = 2000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const query = getDb().execute(sql`select 1 as ok`);
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error("health check timed out")), timeoutMs);
    });
    await Promise.race([query, timeout]);
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
