import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi, afterEach } from "vitest";
import { getDb } from "@/db/client";
import { outboxEmails } from "@/db/schema";
import { createLocation, createPractitioner, createService, setWorkingHours, uniqueEmail } from "@/db/seed/factories";
import { manageToken } from "@/lib/booking/facts";
import { addDaysIso, isoWeekday, localDate, zonedInstant } from "@/lib/time";
import { POST as requestAppointment } from "@/app/api/v1/appointment-requests/route";
import { GET as calendarFile } from "@/app/manage/[token]/calendar.ics/route";
import { GET as openApi } from "@/app/api/v1/openapi.json/route";
import { LOCAL_APP_URL } from "./base-url";
import { PEER_ADDRESS_HEADER } from "./ip";
import { NEW_YORK } from "@/db/testing/zones";

/**
 * A request that claims another host (Host, X-Forwarded-Host, X-Forwarded-Proto) never puts that host in a
 * link: emails, the manage link in the answer, calendar files and the API document all use APP_URL, or the
 * fixed local address when it is unset outside production.
 */

const EVIL = "clinic-login.evil.example";
const spoofed = { host: EVIL, "x-forwarded-host": EVIL, "x-forwarded-proto": "https", forwarded: `host=${EVIL};proto=https` };
const NY = NEW_YORK;
let ctx: { slug: string; practitionerId: string; date: string };
let minute = 0;
let ip = 0;

beforeAll(async () => {
  const db = getDb();
  const location = await createLocation(db);
  const service = await createService(db, { discipline: "massage_therapist", durationMinutes: 30 });
  const p = await createPractitioner(db, { discipline: "massage_therapist", serviceIds: [service.id] });
  await setWorkingHours(db, { practitionerId: p.id, locationId: location.id, days: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: "09:00", end: "17:00" })) });
  let date = addDaysIso(localDate(new Date(), NY), 10);
  while (isoWeekday(date) > 5) date = addDaysIso(date, 1);
  ctx = { slug: service.slug, practitionerId: p.id, date };
});

afterEach(() => {
  vi.unstubAllEnvs();
});

async function bookWithSpoofedHost() {
  const time = `${String(9 + Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
  minute += 30;
  const res = await requestAppointment(
    new Request(`https://${EVIL}/api/v1/appointment-requests`, {
      method: "POST",
      headers: { "content-type": "application/json", [PEER_ADDRESS_HEADER]: `198.18.7.${++ip}`, ...spoofed },
      body: JSON.stringify({
        service: ctx.slug,
        practitionerId: ctx.practitionerId,
        start: zonedInstant(ctx.date, time, NY).toISOString(),
        patient: { name: "Host Test", email: uniqueEmail("host"), phone: "+1 212 555 0100", dateOfBirth: "1980-01-01" },
        intake: { painStartedOn: "2026-01-01", painScore: 3, redFlags: [], notes: "" },
      }),
    }),
    undefined as never,
  );
  expect(res.status).toBe(201);
  const text = await res.text();
  // This booking's emails only: with DATABASE_URL every test file shares one database (and its outbox).
  const { id } = JSON.parse(text) as { id: string };
  return { text, emails: await getDb().select().from(outboxEmails).where(eq(outboxEmails.appointmentId, id)) };
}

const urlsIn = (text: string) => text.match(/https?:\/\/[^\s"'<>)]+/g) ?? [];

describe("links never take their host from the request", () => {
  it("without APP_URL (development, tests): the fixed local address, never the spoofed host", async () => {
    vi.stubEnv("APP_URL", "");
    const { text, emails } = await bookWithSpoofedHost();
    const all = [text, ...emails.flatMap((e) => [e.subject, e.textBody, e.htmlBody])].join("\n");
    expect(all).not.toContain("evil");
    expect(emails.length).toBeGreaterThan(0);
    const urls = urlsIn(all);
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) expect(url.startsWith(`${LOCAL_APP_URL}/`), url).toBe(true);
  });

  it("with APP_URL: the clinic's address", async () => {
    vi.stubEnv("APP_URL", "https://clinic.example.com");
    const before = new Set((await getDb().select({ id: outboxEmails.id }).from(outboxEmails)).map((r) => r.id));
    const { text, emails } = await bookWithSpoofedHost();
    const fresh = emails.filter((e) => !before.has(e.id));
    expect(fresh.length).toBeGreaterThan(0);
    const all = [text, ...fresh.flatMap((e) => [e.textBody, e.htmlBody])].join("\n");
    expect(all).not.toContain("evil");
    for (const url of urlsIn(all)) expect(url.startsWith("https://clinic.example.com/"), url).toBe(true);
  });

  it("calendar files and the API document use it too", async () => {
    vi.stubEnv("APP_URL", "https://clinic.example.com");
    const { emails } = await bookWithSpoofedHost();
    const appointmentId = emails.at(-1)!.appointmentId!;
    const token = manageToken(appointmentId);
    const ics = await calendarFile(new Request(`https://${EVIL}/manage/${token}/calendar.ics`, { headers: { ...spoofed, [PEER_ADDRESS_HEADER]: "198.18.8.1" } }), {
      params: Promise.resolve({ token }),
    });
    expect(ics.status).toBe(200);
    // iCalendar folds long lines (CRLF + space); unfold before reading.
    const body = (await ics.text()).replace(/\r?\n[ \t]/g, "");
    expect(body).not.toContain("evil");
    expect(body).toContain(`https://clinic.example.com/manage/${token}`);

    const doc = await (await openApi(new Request(`https://${EVIL}/api/v1/openapi.json`, { headers: spoofed }), undefined as never)).json();
    expect(JSON.stringify(doc)).not.toContain("evil");
    expect(doc.servers[0].url).toContain("https://clinic.example.com");
  });
});
