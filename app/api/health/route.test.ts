import { afterEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { closeDb, getDb } from "@/db/client";
import { GET } from "./route";

describe("GET /api/health", () => {
  const saved = { url: process.env.DATABASE_URL, dir: process.env.PGLITE_DIR };
  afterEach(async () => {
    await closeDb();
    process.env.DATABASE_URL = saved.url;
    process.env.PGLITE_DIR = saved.dir;
    if (saved.url === undefined) delete process.env.DATABASE_URL;
    if (saved.dir === undefined) delete process.env.PGLITE_DIR;
  });

  it("answers 200 after a real query", async () => {
    delete process.env.DATABASE_URL;
    process.env.PGLITE_DIR = "memory://";
    // Booting the embedded database takes a moment on a busy machine; the check itself is what is tested.
    await getDb().execute(sql`select 1`);
    const res = await GET();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", database: "ok" });
  });

  it("answers 503 with database unreachable when the server is down", async () => {
    // Nothing listens on port 1.
    process.env.DATABASE_URL = "postgres://postgres@127.0.0.1:1/postgres";
    const res = await GET();
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ status: "degraded", database: "unreachable" });
  });
});
