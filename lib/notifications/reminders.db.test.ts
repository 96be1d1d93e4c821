import { eq } from "drizzle-orm";
import type { Transporter } from "nodemailer";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { appointments, outboxEmails } from "@/db/schema";
import { createAppointment, createLocation, createPatient, createPractitioner, createService } from "@/db/seed/factories";
import { deliverPending, enqueueEmail } from "./outbox";
import { queueDueReminders } from "./reminders";

const BASE = "http://clinic.test";
let ctx: { patientId: string; practitionerId: string; locationId: string; service: Awaited<ReturnType<typeof createService>> };
let offsetMinutes = 0;
const HOUR = 3_600_000;

beforeAll(async () => {
  const db = getDb();
  const location = await createLocation(db);
  const service = await createService(db, { durationMinutes: 30 });
  const p = await createPractitioner(db, { discipline: "massage_therapist", serviceIds: [service.id] });
  const patient = await createPatient(db, { fullName: "Rem Inder <script>alert(1)</script>" });
  ctx = { patientId: patient.id, practitionerId: p.id, locationId: location.id, service };
});

// Each appointment gets its own half hour so none overlap; tests sweep relative to what they booked.
const bookAt = (status: "confirmed" | "requested" | "cancelled" = "confirmed") =>
  createAppointment(getDb(), { ...ctx, startsAt: new Date(Date.UTC(2031, 0, 6, 12) + (offsetMinutes += 31) * 60_000), status });
const before = (a: { startsAt: Date }, hours: number) => new Date(a.startsAt.getTime() - hours * HOUR);
const reminders = (appointmentId: string) => getDb().select().from(outboxEmails).where(eq(outboxEmails.appointmentId, appointmentId));

describe("reminders", () => {
  it("queues one reminder for a confirmed appointment 23–24 h away, however often and concurrently the sweep runs", async () => {
    const due = await bookAt();
    const now = before(due, 23.5);
    await Promise.all([queueDueReminders(getDb(), BASE, now), queueDueReminders(getDb(), BASE, now), queueDueReminders(getDb(), BASE, now)]);
    await queueDueReminders(getDb(), BASE, new Date(now.getTime() + 10 * 60_000));
    const rows = await reminders(due.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: "reminder", status: "held" });
    // What the patient typed is escaped in the HTML, kept as text in the plain part.
    expect(rows[0]!.htmlBody).toContain("Rem Inder &lt;script&gt;");
    expect(rows[0]!.htmlBody).not.toContain("<script>");
  });

  it("skips requests, cancelled appointments and ones not yet due", async () => {
    const requested = await bookAt("requested");
    const cancelled = await bookAt("cancelled");
    await queueDueReminders(getDb(), BASE, before(requested, 23.5));
    await queueDueReminders(getDb(), BASE, before(cancelled, 23.5));
    const later = await bookAt();
    await queueDueReminders(getDb(), BASE, before(later, 30));
    for (const a of [requested, cancelled, later]) expect(await reminders(a.id)).toHaveLength(0);
  });

  it("reminds again for a new time after a move", async () => {
    const a = await bookAt();
    await queueDueReminders(getDb(), BASE, before(a, 23.5));
    expect(await reminders(a.id)).toHaveLength(1);
    const moved = new Date(a.startsAt.getTime() + 7 * 24 * HOUR);
    await getDb()
      .update(appointments)
      .set({ startsAt: moved, endsAt: new Date(moved.getTime() + 30 * 60_000), blockedFrom: moved, blockedUntil: new Date(moved.getTime() + 30 * 60_000) })
      .where(eq(appointments.id, a.id));
    await queueDueReminders(getDb(), BASE, new Date(moved.getTime() - 23.5 * HOUR));
    expect(await reminders(a.id)).toHaveLength(2);
  });
});

describe("outbox delivery", () => {
  afterEach(() => {
    delete process.env.SMTP_URL;
  });

  it("sends pending emails once, even with two senders at the same time, and retries failures", async () => {
    process.env.SMTP_URL = "smtp://localhost:2525";
    const sent: string[] = [];
    let failNext = true;
    const transport = {
      sendMail: async (mail: { subject: string }) => {
        if (mail.subject === "flaky" && failNext) {
          failNext = false;
          throw new Error("450 try later");
        }
        sent.push(mail.subject);
        return {};
      },
    } as unknown as Transporter;
    for (const subject of ["one", "two", "flaky"]) {
      await enqueueEmail(getDb(), { kind: "test", to: "someone@example.test", content: { subject, text: "t", html: "<p>t</p>" } });
    }
    await Promise.all([deliverPending(getDb(), transport, "clinic@example.test"), deliverPending(getDb(), transport, "clinic@example.test")]);
    await deliverPending(getDb(), transport, "clinic@example.test");
    // Each email reached SMTP exactly once; the one that failed first was retried.
    expect(sent.sort()).toEqual(["flaky", "one", "two"]);
    expect(failNext).toBe(false);
    const rows = await getDb().select().from(outboxEmails).where(eq(outboxEmails.kind, "test"));
    expect(rows.every((r) => r.status === "sent")).toBe(true);
  });
});
