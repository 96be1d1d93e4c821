/**
 * `npm run bench`: speed, measured on this machine (never asserted in tests). Builds if needed, then on
 * a database of its own (a throwaway PostgreSQL database with DATABASE_URL, otherwise embedded PGlite):
 *   foundation — sign-in cost, GET /api/health and the home page;
 *   queue      — the case queue with 100,000 cases and 1,000,000 audit events: first page, page 200
 *                with two filters, counts per status, audit trail pages (BENCH_SKIP_QUEUE=1 skips it);
 *   booking    — the availability engine and GET /api/v1/slots (one service, all 50 practitioners,
 *                28 days, 20,000 appointments), booking POSTs at 50 concurrent clients next to pgbench
 *                running the same INSERT on the same database, and the overlap count afterwards.
 *   rooms      — slots of a service needing one of 10 rooms (the rooms the constraint) for all 50
 *                practitioners, in process and over HTTP;
 *   desk grid  — the scheduler's week at the size (a location with 30 practitioners and 2,100
 *                appointments that week): the loader and grid in process, and the page rendered by
 *                the server;
 *   series     — a plan of care of 12 visits checked (each date free or taken, with alternatives);
 *   waitlist   — with 1,000 people waiting, a cancellation made by another process to the offer email
 *                in the outbox, the app instance's job queue running (PostgreSQL only);
 *   load       — 100 concurrent patients browsing slots and booking for 60 s (p50/p95/p99, errors,
 *                overlaps), next to a bare node:http server; first-load JavaScript of /book and /portal.
 * BENCH_SECONDS sets the booking/pgbench phases (default 20), BENCH_LOAD_SECONDS the load scenario (60).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { seedDemoClinic, DEMO_PASSWORD } from "@/db/seed/demo";
import { openIsolatedDatabase } from "@/db/testing/isolated";
import { authenticate } from "@/lib/auth/credentials";
import { findFirstAvailableSlots, findFreeSlots } from "@/lib/availability/engine";
import { sql } from "drizzle-orm";
import { loadAvailability } from "@/lib/availability/load";
import { getFreeSlots } from "@/lib/availability";
import { addDaysIso, isoWeekday, localDate, zonedInstant } from "@/lib/time";
import { rowsOf } from "@/db/client";
import { createCase, createPatient } from "@/db/seed/factories";
import { transitionAppointment } from "@/lib/appointments/commands";
import { checkSeries } from "@/lib/series/commands";
import { fmt, load, startServer, summarize } from "./lib";
import { bareNodeHttp, firstLoadJs, patientsBrowsingAndBooking, signInCookie } from "./load";
import { BENCH_SERVICE, countOverlaps, seedBookingBench } from "./seed-booking";
import { seedQueueBench } from "./seed-queue";
import { BENCH_ROOM_SERVICE, seedRoomsBench } from "./seed-rooms";
import { seedGridBench } from "./seed-grid";
import { seedWaitlistBench } from "./seed-waitlist";
import { getDeskCalendarPageData } from "@/lib/desk/views";
import { users } from "@/db/schema";
import { countCasesByStatus, listCaseQueue } from "@/lib/cases/queue";
import { QueueFiltersSchema } from "@/lib/cases/schemas";
import { listAccessToPatient, listAuditEvents } from "@/lib/audit/queries";
import { patients } from "@/db/schema";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const rows: string[][] = [];
const loadRows: string[][] = [];
const notes: string[] = [];
const row = (scenario: string, r: { p50: number; p95: number }, extra = "", errors = "0") => rows.push([scenario, fmt(r.p50), fmt(r.p95), extra, errors]);

async function timeIt(n: number, fn: () => Promise<unknown> | unknown) {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  return summarize(samples);
}

async function main() {
  // The in-process sign-in signs a device cookie: it needs the key a server would have.
  process.env.AUTH_SECRET ??= randomBytes(32).toString("base64url");
  if (!existsSync(".next/BUILD_ID")) execFileSync("node", ["node_modules/next/dist/bin/next", "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  const database = await openIsolatedDatabase("bench");
  const db = database.handle.db;
  try {
    await seedDemoClinic(db);
    const t0 = performance.now();
    await seedBookingBench(db);
    await seedRoomsBench(db);
    const gridLocation = await seedGridBench(db);
    await db.execute(sql`analyze`); // what autovacuum would have done after a bulk load
    notes.push(`seeded 50 practitioners, 20,000 appointments and 10 massage rooms (2,000 of the appointments holding them) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    const signin = await load(40, 2, async (i) => {
      const r = await authenticate(db, { email: "staff@example.com", password: DEMO_PASSWORD, ip: `192.0.2.${i % 200}`, userAgent: "bench" });
      if (!r.ok) throw new Error("sign-in failed");
    });
    row("sign-in (authenticate in process, 2 parallel)", signin, `${signin.perSecond.toFixed(0)}/s`, String(signin.errors));

    // (a) The engine alone, on data loaded once; then load + engine together, in process.
    const tz = "America/New_York";
    const from = localDate(new Date(), tz);
    const to = addDaysIso(from, 27);
    const data = await loadAvailability(db, {
      serviceSlug: BENCH_SERVICE,
      fromDate: from,
      toDate: to,
      from: zonedInstant(addDaysIso(from, -2), "00:00", "UTC"),
      to: zonedInstant(addDaysIso(to, 3), "00:00", "UTC"),
    });
    const query = { service: data.service!, from, to, timeZone: tz, now: new Date(), horizonDays: 90, stepMinutes: 15 };
    let slotCount = 0;
    const engine = await timeIt(50, () => {
      slotCount = findFirstAvailableSlots(query, data.calendars).length;
    });
    row(`engine only: 50 practitioners x 28 days (${slotCount} first-available slots)`, engine);
    const inProcess = await timeIt(50, () => getFreeSlots(db, { serviceSlug: BENCH_SERVICE, from, to }));
    row("load + engine in process (one round trip)", inProcess);
    let roomSlots = 0;
    const withRooms = await timeIt(50, async () => {
      roomSlots = (await getFreeSlots(db, { serviceSlug: BENCH_ROOM_SERVICE, from, to })).slots.length;
    });
    row(`rooms: load + engine, 10 rooms for 50 practitioners, 28 days (${roomSlots} slots)`, withRooms);

    // The desk's week grid: every practitioner at the main location and their week of appointments.
    const [staffUser] = await db
      .select({ id: users.id, role: users.role })
      .from(users)
      .where(sql`${users.email} = 'staff@example.com'`);
    let gridSize = "";
    const grid = await timeIt(40, async () => {
      const page = await getDeskCalendarPageData({ viewer: staffUser!, view: "week", locationId: gridLocation, db });
      gridSize = `${page!.weekGrid!.rows.length} practitioners, ${page!.weekGrid!.rows.reduce((n, r) => n + r.cells.reduce((m, c) => m + c.appointments.length, 0), 0)} appointments`;
    });
    row(`desk week grid: loader + grid in process (${gridSize})`, grid);

    // A plan of care: twelve visits (Mon and Thu at 10:00 for six weeks) checked against a practitioner
    // with 400 appointments, each date free or taken with the nearest free times that week.
    const seriesPatient = await createPatient(db, { fullName: "Bench series patient" });
    const seriesCase = await createCase(db, { patientId: seriesPatient.id, status: "in_care" });
    const [seriesPractitioner] = rowsOf<{ id: string }>(await db.execute(sql`select id from practitioners where display_name = 'Bench practitioner 1'`));
    const monday = (() => {
      let d = addDaysIso(from, 1);
      while (isoWeekday(d) !== 1) d = addDaysIso(d, 1);
      return d;
    })();
    let seriesFree = 0;
    const series = await timeIt(50, async () => {
      const checked = await checkSeries(
        db,
        { caseId: seriesCase.id, service: BENCH_SERVICE, practitionerId: seriesPractitioner!.id, weekdays: [1, 4], time: "10:00", startsOn: monday, count: 12 },
        staffUser!,
      );
      seriesFree = checked.occurrences.filter((o) => o.free).length;
    });
    row(`series check: 12 visits over six weeks, one practitioner with 400 appointments (${seriesFree} free)`, series);
    const waitlistAppointments = await seedWaitlistBench(db);
    notes.push(`seeded 1,000 patients on the waitlist for one service, and 36 booked hours to cancel`);
    // The case queue at scale: 100,000 cases and 1,000,000 audit events.
    if (process.env.BENCH_SKIP_QUEUE !== "1") {
      const q0 = performance.now();
      await seedQueueBench(db);
      notes.push(`seeded 100,000 cases and 1,000,000 audit events in ${((performance.now() - q0) / 1000).toFixed(1)} s`);
      const me = { practitionerId: null };
      const base = QueueFiltersSchema.parse({});
      row("queue: first page, no filters (100k cases)", await timeIt(40, () => listCaseQueue(db, base, me)));
      const twoFilters = QueueFiltersSchema.parse({ status: "in_care", priority: "routine" });
      let deep = twoFilters;
      for (let page = 1; page < 200; page++) {
        const r = await listCaseQueue(db, deep, me);
        if (!r.next) throw new Error(`only ${page} pages with two filters`);
        deep = { ...twoFilters, after: r.next };
      }
      row("queue: page 200, status + priority filters", await timeIt(40, () => listCaseQueue(db, deep, me)));
      row("queue: counts per status (100k cases)", await timeIt(40, () => countCasesByStatus(db, base, me)));
      row("audit trail: newest page, action filter (1M events)", await timeIt(40, () => listAuditEvents(db, { action: "case.viewed" })));
      row(
        "audit trail: one patient's access log (1M events)",
        await timeIt(40, async () => {
          const [{ id }] = (await db
            .select({ id: patients.id })
            .from(patients)
            .where(sql`${patients.email} = 'queue77@example.test'`)) as [{ id: string }];
          await listAccessToPatient(db, id, "00000000-0000-4000-8000-000000000000");
        }),
      );
    }
    await database.close();

    // The waitlist: one app instance with the job queue on (as in production); another process cancels
    // a booked hour (as another instance would) and we time until the offer email is in the outbox.
    // PostgreSQL only: two processes cannot share an embedded database.
    if (database.env.DATABASE_URL) {
      const jobs = await startServer({ ...database.env, DATABASE_POOL_SIZE: "10" }, Number(process.env.BENCH_PORT ?? 3310) + 1);
      const check = await reopen(database.env);
      try {
        const outboxCount = async () => rowsOf<{ n: number }>(await check.db.execute(sql`select count(*)::int as n from outbox_emails where kind = 'waitlist_offer'`))[0]!.n;
        // pg-boss starts after the server answers: wait for its queue to exist.
        for (let i = 0; i < 100; i++) {
          const ready = rowsOf(await check.db.execute(sql`select 1 from pg_tables where schemaname = 'pgboss' and tablename = 'queue'`)).length > 0;
          if (ready && rowsOf(await check.db.execute(sql`select 1 from pgboss.queue where name = 'waitlist'`)).length) break;
          await new Promise((r) => setTimeout(r, 200));
        }
        const samples: number[] = [];
        let missed = 0;
        for (const appointmentId of waitlistAppointments.slice(0, 30)) {
          const before = await outboxCount();
          const t0 = performance.now();
          await check.db.transaction((tx) => transitionAppointment(tx, { appointmentId, move: "cancel", actor: null, reason: "bench" }));
          let seen = false;
          while (performance.now() - t0 < 10_000) {
            if ((await outboxCount()) > before) {
              seen = true;
              break;
            }
            await new Promise((r) => setTimeout(r, 10));
          }
          if (seen) samples.push(performance.now() - t0);
          else missed++;
        }
        const waited = summarize(samples);
        row("waitlist: a cancellation to the offer email in the outbox, 1,000 waiting (another process cancels; the app's job offers)", waited, `${samples.length} cancellations`, String(missed));
      } finally {
        await check.close();
        await jobs.stop();
      }
    }

    const server = await startServer(
      { ...database.env, PUBLIC_RATE_LIMIT_PER_MINUTE: "100000000", API_RATE_LIMIT_PER_MINUTE: "100000000", JOBS_DISABLED: "1", DATABASE_POOL_SIZE: "20" },
      Number(process.env.BENCH_PORT ?? 3310),
    );
    try {
      for (const [name, p] of [
        ["GET /api/health", "/api/health"],
        ["GET / (home page)", "/"],
      ] as const) {
        await load(20, 4, async () => void (await fetch(server.url + p)).arrayBuffer());
        const r = await load(500, 10, async () => {
          const res = await fetch(server.url + p);
          await res.arrayBuffer();
          if (!res.ok) throw new Error(String(res.status));
        });
        row(`${name} (10 concurrent)`, r, `${r.perSecond.toFixed(0)}/s`, String(r.errors));
      }

      const slotsUrl = `${server.url}/api/v1/slots?service=${BENCH_SERVICE}&from=${from}&to=${to}`;
      await load(10, 1, async () => void (await fetch(slotsUrl)).arrayBuffer());
      const http = await load(200, 1, async () => {
        const res = await fetch(slotsUrl);
        await res.arrayBuffer();
        if (!res.ok) throw new Error(String(res.status));
      });
      row("GET /api/v1/slots, 28 days, all practitioners (sequential)", http, `${http.perSecond.toFixed(0)}/s`, String(http.errors));
      const roomsUrl = `${server.url}/api/v1/slots?service=${BENCH_ROOM_SERVICE}&from=${from}&to=${to}`;
      await load(10, 1, async () => void (await fetch(roomsUrl)).arrayBuffer());
      const roomsHttp = await load(200, 1, async () => {
        const res = await fetch(roomsUrl);
        await res.arrayBuffer();
        if (!res.ok) throw new Error(String(res.status));
      });
      row("GET /api/v1/slots, service needing a room (10 rooms), 28 days (sequential)", roomsHttp, `${roomsHttp.perSecond.toFixed(0)}/s`, String(roomsHttp.errors));
      const staffCookie = await signInCookie(server.url, "staff@example.com", DEMO_PASSWORD);
      const weekUrl = `${server.url}/desk/calendar?view=week&location=${gridLocation}`;
      await load(5, 1, async () => void (await fetch(weekUrl, { headers: { cookie: staffCookie } })).arrayBuffer());
      const weekPage = await load(200, 1, async () => {
        const res = await fetch(weekUrl, { headers: { cookie: staffCookie } });
        await res.arrayBuffer();
        if (!res.ok || res.redirected) throw new Error(String(res.status));
      });
      row("GET /desk/calendar?view=week, 30 practitioners, server-rendered (sequential)", weekPage, `${weekPage.perSecond.toFixed(0)}/s`, String(weekPage.errors));

      // (b) Booking load: 50 clients POST random free slots (some collide, as real patients do).
      const pool = findFreeSlots({ ...query, now: new Date() }, data.calendars).filter((s) => s.start.getTime() > Date.now() + 2 * 3_600_000);
      const counts: Record<string, number> = {};
      const samples: number[] = [];
      const deadline = Date.now() + SECONDS * 1000;
      let n = 0;
      const started = performance.now();
      await Promise.all(
        Array.from({ length: 50 }, async (_, client) => {
          while (Date.now() < deadline) {
            const slot = pool[Math.floor(Math.random() * pool.length)]!;
            n++;
            const t = performance.now();
            const res = await fetch(`${server.url}/api/v1/appointment-requests`, {
              method: "POST",
              headers: { "content-type": "application/json", "x-forwarded-for": `10.1.${client}.${n % 250}` },
              body: JSON.stringify({
                service: BENCH_SERVICE,
                practitionerId: slot.practitionerId,
                start: slot.start.toISOString(),
                patient: { name: `Load Patient ${n}`, email: `load${n}@example.test`, phone: "+1 212 555 0100", dateOfBirth: "1980-01-01" },
                intake: { painStartedOn: "2026-01-01", painScore: 5, redFlags: [], notes: "" },
              }),
            });
            await res.arrayBuffer();
            samples.push(performance.now() - t);
            counts[res.status] = (counts[res.status] ?? 0) + 1;
          }
        }),
      );
      const elapsed = (performance.now() - started) / 1000;
      const total = Object.values(counts).reduce((a, b) => a + b, 0);
      const bookingRate = total / elapsed;
      const booking = summarize(samples);
      const errors = total - (counts[201] ?? 0) - (counts[409] ?? 0);
      row(`POST /api/v1/appointment-requests, 50 concurrent, ${SECONDS}s`, booking, `${bookingRate.toFixed(0)}/s (${((counts[201] ?? 0) / elapsed).toFixed(0)} created/s)`, String(errors));
      notes.push(`booking answers: ${JSON.stringify(counts)}`);

      // The load scenario: 100 patients browsing free times and booking, for BENCH_LOAD_SECONDS (60).
      const loadSeconds = Number(process.env.BENCH_LOAD_SECONDS ?? 60);
      const load100 = await patientsBrowsingAndBooking(server.url, BENCH_SERVICE, loadSeconds);
      for (const kind of ["GET slots", "POST booking"]) {
        const st = load100.rec.stats(kind);
        const statuses = load100.rec.statuses.get(kind) ?? {};
        const errors = Object.entries(statuses)
          .filter(([code]) => code !== "200" && code !== "201" && code !== "409")
          .reduce((a, [, v]) => a + v, 0);
        loadRows.push([`${kind} (100 patients, ${loadSeconds}s)`, fmt(st.p50), fmt(st.p95), fmt(st.p99), `${(st.n / load100.elapsed).toFixed(0)}/s`, String(errors), JSON.stringify(statuses)]);
      }
      const bare = await bareNodeHttp(10);
      const bs = bare.rec.stats("node:http");
      loadRows.push([
        "bare node:http hello (100 concurrent, 10s)",
        fmt(bs.p50),
        fmt(bs.p95),
        fmt(bs.p99),
        `${(bs.n / bare.elapsed).toFixed(0)}/s`,
        "0",
        JSON.stringify(bare.rec.statuses.get("node:http")),
      ]);
      const patientCookie = await signInCookie(server.url, "patient@example.com", DEMO_PASSWORD);
      for (const [label, path, cookie] of [
        ["/book", "/book", undefined],
        ["/portal", "/portal", patientCookie],
      ] as const) {
        const js = await firstLoadJs(server.url, path, cookie);
        notes.push(`first-load JavaScript of ${label}: ${js.kB.toFixed(1)} kB compressed, ${js.files} files (as Chromium downloads it)`);
      }

      // (c) The invariant after the load.
      const check = await reopen(database.env);
      notes.push(`overlapping active appointments after the run: ${await countOverlaps(check.db)}`);
      await check.close();

      // pgbench: the same INSERT, straight into the same database, same concurrency.
      if (database.env.DATABASE_URL) {
        const tps = runPgbench(database.env.DATABASE_URL);
        notes.push(`pgbench, same INSERT (ON CONFLICT DO NOTHING), 50 clients, ${SECONDS}s: ${tps.toFixed(0)} tps; app booking POSTs / pgbench = ${((bookingRate / tps) * 100).toFixed(0)}%`);
      } else {
        notes.push("pgbench: needs a PostgreSQL server — run with DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres");
      }
    } finally {
      await server.stop();
    }
  } finally {
    await database.cleanup();
  }

  if (loadRows.length) {
    const lh = ["load scenario", "p50", "p95", "p99", "throughput", "errors", "answers"];
    const lw = lh.map((h, i) => Math.max(h.length, ...loadRows.map((r) => r[i]!.length)));
    console.warn(lh.map((c, i) => c.padEnd(lw[i]!)).join("  "));
    for (const r of loadRows) console.warn(r.map((c, i) => c.padEnd(lw[i]!)).join("  "));
  }
  const header = ["scenario", "p50", "p95", "throughput", "errors"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join("  ");
  console.warn(`database: ${process.env.DATABASE_URL ? "PostgreSQL (throwaway database)" : "PGlite (embedded)"}; ${new Date().toISOString()}`);
  console.warn(line(header));
  for (const r of rows) console.warn(line(r));
  for (const note of notes) console.warn(`- ${note}`);
}

async function reopen(env: Record<string, string>) {
  const { openDatabase } = await import("@/db/client");
  const handle = openDatabase(env.DATABASE_URL ? { url: env.DATABASE_URL } : { pgliteDir: env.PGLITE_DIR });
  return { db: handle.db, close: handle.close };
}

function runPgbench(url: string): number {
  const dir = path.join("bench", ".tmp");
  mkdirSync(dir, { recursive: true });
  const script = path.join(dir, "insert-appointment.sql");
  writeFileSync(
    script,
    `\\set p random(1, 50)
\\set k random(0, 500000)
INSERT INTO appointments (patient_id, practitioner_id, service_id, location_id, starts_at, ends_at, buffer_after_minutes, blocked_from, blocked_until, status)
SELECT (SELECT id FROM patients ORDER BY id LIMIT 1), pr.id, (SELECT id FROM services WHERE slug = '${BENCH_SERVICE}'), (SELECT id FROM locations ORDER BY created_at LIMIT 1),
       t.t, t.t + interval '60 minutes', 15, t.t, t.t + interval '75 minutes', 'requested'
FROM (SELECT id FROM practitioners WHERE display_name = 'Bench practitioner ' || :p) pr,
     (SELECT timestamptz '2035-01-01 08:00+00' + :k * interval '75 minutes' AS t) t
ON CONFLICT DO NOTHING;
`,
  );
  const u = new URL(url);
  const result = spawnSync(
    "pgbench",
    ["-n", "-c", "50", "-j", "2", "-T", String(SECONDS), "-f", script, "-h", u.hostname, "-p", u.port || "5432", "-U", decodeURIComponent(u.username || "postgres"), u.pathname.slice(1)],
    { encoding: "utf8" },
  );
  const match = /tps = ([\d.]+)/.exec(result.stdout ?? "");
  if (!match) throw new Error(`pgbench failed: ${result.stderr}`);
  return Number(match[1]);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
