import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";

/** Helpers shared by the bench scenarios: a production server on its own database, and percentiles. */

export function percentile(sortedMs: number[], p: number): number {
  if (!sortedMs.length) return NaN;
  const i = Math.min(sortedMs.length - 1, Math.max(0, Math.ceil((p / 100) * sortedMs.length) - 1));
  return sortedMs[i]!;
}

export function summarize(samplesMs: number[]) {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  return { n: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99) };
}

export const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

export async function startServer(env: Record<string, string>, port: number): Promise<{ url: string; stop: () => Promise<void> }> {
  const child: ChildProcess = spawn("node", ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
      LOG_LEVEL: "warn",
      AUTH_SECRET: process.env.AUTH_SECRET ?? randomBytes(32).toString("base64url"),
      APP_URL: `http://127.0.0.1:${port}`,
      ...env,
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  // Error-level log lines from the server are worth seeing next to the figures.
  child.stdout?.on("data", (chunk: Buffer) => {
    for (const line of chunk.toString().split("\n")) {
      if (!line.includes('"level":50')) continue;
      try {
        const entry = JSON.parse(line) as { time: string; msg: string; err?: { type?: string; causeCode?: string; causeMessage?: string; message?: string; stack?: string } };
        console.error(`[server] ${entry.time} ${entry.msg}: ${entry.err?.causeCode ?? ""} ${entry.err?.causeMessage ?? entry.err?.message?.split("\n")[0] ?? ""}`.slice(0, 300));
        // An unexpected error (not a lost database) is a bug: its stack says where.
        if (entry.err?.stack && !entry.msg.includes("unavailable")) console.error(entry.err.stack.split("\n").slice(0, 12).join("\n"));
      } catch {
        console.error(`[server] ${line.slice(0, 300)}`);
      }
    }
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline || child.exitCode !== null) throw new Error("server did not start");
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/** Runs `task` `total` times with `concurrency` in flight; returns per-call latencies and wall time. */
export async function load(total: number, concurrency: number, task: (i: number) => Promise<void>) {
  const samples: number[] = [];
  let next = 0;
  let errors = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        const t0 = performance.now();
        try {
          await task(i);
        } catch {
          errors++;
        }
        samples.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { ...summarize(samples), errors, perSecond: total / seconds };
}
