import { spawn } from "node:child_process";
import { percentile } from "./lib";

/** Latency samples per kind of request, and status counts. */
export class Recorder {
  samples = new Map<string, number[]>();
  statuses = new Map<string, Record<string, number>>();
  record(kind: string, ms: number, status: number | string) {
    this.samples.set(kind, [...(this.samples.get(kind) ?? []), ms]);
    const s = this.statuses.get(kind) ?? {};
    s[status] = (s[status] ?? 0) + 1;
    this.statuses.set(kind, s);
  }
  stats(kind: string) {
    const sorted = [...(this.samples.get(kind) ?? [])].sort((a, b) => a - b);
    return { n: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99) };
  }
}

/**
 * 100 concurrent patients for `seconds`: each looks at two weeks of free times of the service
 * ("first available"), picks one and requests it, again and again.
 */
export async function patientsBrowsingAndBooking(baseUrl: string, service: string, seconds: number, patients = 100) {
  const rec = new Recorder();
  const deadline = Date.now() + seconds * 1000;
  const today = new Date().toISOString().slice(0, 10);
  const to = new Date(Date.now() + 13 * 86_400_000).toISOString().slice(0, 10);
  let n = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: patients }, async (_, p) => {
      while (Date.now() < deadline) {
        const ip = `10.2.${p}.${n % 250}`;
        let t = performance.now();
        let slots: Array<{ practitionerId: string; start: string }> = [];
        try {
          const res = await fetch(`${baseUrl}/api/v1/slots?service=${service}&from=${today}&to=${to}`, { headers: { "x-forwarded-for": ip } });
          slots = res.ok ? ((await res.json()) as { slots: typeof slots }).slots : [];
          rec.record("GET slots", performance.now() - t, res.status);
        } catch {
          rec.record("GET slots", performance.now() - t, "network");
        }
        if (!slots.length) continue;
        const slot = slots[Math.floor(Math.random() * Math.min(slots.length, 40))]!;
        const i = n++;
        t = performance.now();
        try {
          const res = await fetch(`${baseUrl}/api/v1/appointment-requests`, {
            method: "POST",
            headers: { "content-type": "application/json", "x-forwarded-for": ip, "idempotency-key": `load-${p}-${i}-${Date.now()}` },
            body: JSON.stringify({
              service,
              practitionerId: slot.practitionerId,
              start: slot.start,
              patient: { name: `Load ${p}-${i}`, email: `load-${p}-${i}@example.test`, phone: "+1 212 555 0100", dateOfBirth: "1980-01-01" },
              intake: { painStartedOn: "2026-01-01", painScore: 5, redFlags: [], notes: "" },
            }),
          });
          await res.arrayBuffer();
          rec.record("POST booking", performance.now() - t, res.status);
        } catch {
          rec.record("POST booking", performance.now() - t, "network");
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  return { rec, elapsed };
}

/** A bare node:http server in its own process, under the same kind of load: the ceiling of this machine. */
export async function bareNodeHttp(seconds: number, concurrency = 100) {
  const child = spawn(
    process.execPath,
    ["-e", "require('node:http').createServer((q,s)=>{s.setHeader('content-type','application/json');s.end('{\"ok\":true}')}).listen(3399,'127.0.0.1',()=>console.log('up'))"],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  await new Promise<void>((resolve) => child.stdout!.once("data", () => resolve()));
  const rec = new Recorder();
  const deadline = Date.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < deadline) {
        const t = performance.now();
        const res = await fetch("http://127.0.0.1:3399/");
        await res.arrayBuffer();
        rec.record("node:http", performance.now() - t, res.status);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  child.kill();
  return { rec, elapsed };
}

/**
 * First-load JavaScript of a page as a browser downloads it: Chromium opens the page (signed in when a
 * cookie is given), waits for the network to settle, and sums the compressed size of every script it
 * fetched (noModule polyfills are not fetched by a modern browser).
 */
export async function firstLoadJs(baseUrl: string, path: string, cookie?: string): Promise<{ kB: number; files: number }> {
  const { chromium } = await import("@playwright/test");
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] });
  try {
    const context = await browser.newContext();
    if (cookie) {
      const url = new URL(baseUrl);
      await context.addCookies(
        cookie.split("; ").map((pair) => {
          const [name, value] = pair.split(/=(.*)/s) as [string, string];
          return { name, value, domain: url.hostname, path: "/" };
        }),
      );
    }
    const page = await context.newPage();
    await page.goto(baseUrl + path, { waitUntil: "networkidle" });
    const scripts = await page.evaluate(() =>
      (performance.getEntriesByType("resource") as PerformanceResourceTiming[]).filter((r) => r.initiatorType === "script" || r.name.endsWith(".js")).map((r) => r.encodedBodySize),
    );
    return { kB: scripts.reduce((a, b) => a + b, 0) / 1024, files: scripts.length };
  } finally {
    await browser.close();
  }
}

/** Signs a demo account in through next-auth's endpoint; returns the cookie header. */
export async function signInCookie(baseUrl: string, email: string, password: string): Promise<string> {
  const csrfRes = await fetch(`${baseUrl}/api/auth/csrf`);
  // The last Set-Cookie of a name wins (the proxy and the handler may both set the CSRF cookie).
  const cookies = new Map((csrfRes.headers.getSetCookie?.() ?? []).map((c) => c.split(";")[0]!.split(/=(.*)/s).slice(0, 2) as [string, string]));
  const jar = [...cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar, "x-forwarded-for": "10.3.3.3" },
    body: new URLSearchParams({ csrfToken, email, password }),
    redirect: "manual",
  });
  const session = (res.headers.getSetCookie?.() ?? []).map((c) => c.split(";")[0]).find((c) => c?.includes("backline.session"));
  if (!session) throw new Error("sign-in for the JS measurement failed");
  return `${jar}; ${session}`;
}
