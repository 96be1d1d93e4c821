/**
 * `npm run bench`: measures a production build (run `npm run build` first) on a database of its own
 * (embedded PGlite, or a throwaway PostgreSQL database with DATABASE_URL). Prints a table; the
 * figures go into the closing note and bench/RESULTS.md. Speed is measured here, never asserted in tests.
 */
import { seedDemoClinic } from "@/db/seed/demo";
import { openIsolatedDatabase } from "@/db/testing/isolated";
import { authenticate } from "@/lib/auth/credentials";
import { DEMO_PASSWORD } from "@/db/seed/demo";
import { fmt, load, startServer } from "./lib";

async function main() {
  const rows: string[][] = [];
  const database = await openIsolatedDatabase("bench");
  try {
    await seedDemoClinic(database.handle.db);

    // Sign-in cost in process: Argon2id verify plus the limiter and session writes.
    const signin = await load(40, 2, async (i) => {
      const r = await authenticate(database.handle.db, { email: "staff@example.com", password: DEMO_PASSWORD, ip: `192.0.2.${i % 200}`, userAgent: "bench" });
      if (!r.ok) throw new Error("sign-in failed");
    });
    rows.push(["sign-in (authenticate, in process, 2 parallel)", fmt(signin.p50), fmt(signin.p95), `${signin.perSecond.toFixed(0)}/s`, String(signin.errors)]);
    await database.close();

    const server = await startServer(database.env, Number(process.env.BENCH_PORT ?? 3310));
    try {
      for (const [name, path] of [["GET /api/health", "/api/health"], ["GET / (home page)", "/"]] as const) {
        await load(20, 4, async () => void (await fetch(server.url + path)).arrayBuffer()); // warm-up
        const r = await load(500, 10, async () => {
          const res = await fetch(server.url + path);
          await res.arrayBuffer();
          if (!res.ok) throw new Error(String(res.status));
        });
        rows.push([`${name} (10 concurrent)`, fmt(r.p50), fmt(r.p95), `${r.perSecond.toFixed(0)}/s`, String(r.errors)]);
      }
    } finally {
      await server.stop();
    }
  } finally {
    await database.cleanup();
  }

  const header = ["scenario", "p50", "p95", "throughput", "errors"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join("  ");
  console.warn(`database: ${process.env.DATABASE_URL ? "PostgreSQL (throwaway database)" : "PGlite (embedded)"}`);
  console.warn(line(header));
  for (const r of rows) console.warn(line(r));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
