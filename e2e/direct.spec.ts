import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { startServer } from "@/bench/lib";
import { expect, test } from "./fixtures/test";
import { DIRECT_FILE } from "./fixtures/world";

/**
 * A second production server, the way it runs exposed directly: TRUSTED_PROXY_HOPS at its default 0.
 * (The main e2e server trusts one proxy so parallel specs can name their addresses.) It has a database of
 * its own, prepared by e2e/run.ts.
 */
const port = Number(process.env.E2E_PORT ?? 3210) + 1;
const { env } = JSON.parse(readFileSync(DIRECT_FILE, "utf8")) as { env: Record<string, string> };

test.describe("a server with no trusted proxy", () => {
  test.describe.configure({ mode: "serial" });
  let server: Awaited<ReturnType<typeof startServer>> | null = null;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    server = await startServer({ ...env, TRUSTED_PROXY_HOPS: "0", JOBS_DISABLED: "1" }, port);
  });
  test.afterAll(async () => {
    await server?.stop();
  });

  test("a client cannot choose its address: 23 rotating X-Forwarded-For values count as one, paused after 10 failures", async ({ playwright }) => {
    const api = await playwright.request.newContext({ baseURL: server!.url });
    const statuses: number[] = [];
    for (let i = 0; i < 23; i++) {
      // Every header a client might name itself by, the patched server's own one included.
      const spoofed = { "x-forwarded-for": `203.0.113.${i + 1}`, "x-real-ip": `198.51.100.${i + 1}`, "x-backline-peer-address": `192.0.2.${i + 1}` };
      const csrf = (await (await api.get("/api/auth/csrf", { headers: spoofed })).json()).csrfToken as string;
      const res = await api.post("/api/auth/callback/credentials", { headers: spoofed, form: { csrfToken: csrf, email: `nobody-${i}@example.test`, password: "wrong" }, maxRedirects: 0 });
      statuses.push(res.status());
    }
    expect(statuses.slice(0, 10).filter((s) => s === 429)).toEqual([]);
    expect(statuses.slice(10).every((s) => s === 429)).toBe(true);
    await api.dispose();
  });
});

test("a production server without APP_URL refuses to start, and says what to set", async () => {
  test.setTimeout(60_000);
  const child = spawn("node", ["node_modules/next/dist/bin/next", "start", "-p", String(port + 1), "-H", "127.0.0.1"], {
    env: { ...process.env, ...env, APP_URL: "", NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (c: Buffer) => (output += c.toString()));
  child.stderr.on("data", (c: Buffer) => (output += c.toString()));
  // Had it started after all, stop it rather than hang.
  const stop = setTimeout(() => child.kill("SIGTERM"), 30_000);
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  clearTimeout(stop);
  expect(code).not.toBe(0);
  expect(output).toContain("APP_URL is not set");
});
