/**
 * `npm run test:e2e`: builds the app, prepares a database of its own (a fresh PGlite folder, or a
 * throwaway PostgreSQL database when DATABASE_URL is set), migrates it, seeds the demo clinic and the
 * e2e world, then runs Playwright against `next start`. Cleans up whatever happens.
 */
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import { seedDemoClinic } from "@/db/seed/demo";
import { createUser } from "@/db/seed/factories";
import { openIsolatedDatabase } from "@/db/testing/isolated";
import { DIRECT_FILE, WORLD_FILE, prepareWorld } from "./fixtures/world";

function run(command: string, args: string[], env: NodeJS.ProcessEnv): number {
  const result = spawnSync(command, args, { stdio: "inherit", env });
  return result.status ?? 1;
}

async function main(): Promise<number> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    AUTH_SECRET: process.env.AUTH_SECRET ?? randomBytes(32).toString("base64url"),
    LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
    // The server's own address (playwright.config.ts starts it there): every emailed link points at it,
    // whatever Host or X-Forwarded-Host a test sends.
    APP_URL: `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3210)}`,
    // The tests play one trusted proxy: a spec that sends X-Forwarded-For is "the balancer" naming the
    // client's address, so parallel tests keep their rate limits apart. e2e/direct.spec.ts starts a
    // server of its own with the production default (0) and shows a client cannot choose its address.
    TRUSTED_PROXY_HOPS: "1",
  };

  if (!process.env.E2E_SKIP_BUILD) {
    const status = run("node", ["node_modules/next/dist/bin/next", "build"], env);
    if (status !== 0) return status;
  }

  // The world signs manage links with the server's secret.
  process.env.AUTH_SECRET = env.AUTH_SECRET;
  const database = await openIsolatedDatabase("e2e");
  // e2e/direct.spec.ts starts a second server (no trusted proxy) on a database of its own.
  const direct = await openIsolatedDatabase("e2e-direct");
  Object.assign(env, database.env);
  try {
    await seedDemoClinic(database.handle.db);
    const world = await prepareWorld(database.handle.db);
    writeFileSync(WORLD_FILE, JSON.stringify(world, null, 2));
    // One account, so the second server starts without seeding the demo clinic.
    await createUser(direct.handle.db, { role: "staff", email: "direct-server@example.test" });
    writeFileSync(DIRECT_FILE, JSON.stringify({ env: direct.env }, null, 2));
    // The server must be the only process holding an embedded database.
    await database.close();
    await direct.close();
    return run("npx", ["playwright", "test", ...process.argv.slice(2)], env);
  } finally {
    await database.cleanup();
    await direct.cleanup();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
