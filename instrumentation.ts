/**
 * Runs once per server process before it takes requests. The embedded database is migrated and seeded
 * here, in the process that owns it (PGlite has no lock between processes).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // The whole environment, validated once: a bad value stops the server here, naming the variable.
  const { env } = await import("./lib/env");
  env();
  // Also checked when next.config.ts loads; here for servers started without it (standalone output).
  const { assertAppUrlConfigured } = await import("./lib/http/base-url");
  assertAppUrlConfigured();
  const { assertPeerAddressPatch } = await import("./lib/http/peer-patch");
  assertPeerAddressPatch();
  const { redactConsoleErrors } = await import("./lib/log");
  redactConsoleErrors();
  const { prepareDatabase } = await import("./db/prepare");
  await prepareDatabase();
  const { startJobs } = await import("./lib/jobs");
  await startJobs();
}
