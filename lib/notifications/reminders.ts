import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/client";
import { factsOf, loadAppointmentDetails } from "@/lib/booking/facts";
import { enqueueEmail } from "./outbox";
import { reminderEmail } from "./templates";

/**
 * Queues the 24-hour reminder of every confirmed appointment that starts between 23 and 24 hours from
 * now. Run every few minutes by a pg-boss job; the outbox's dedupe key (appointment + start time) means
 * each appointment is reminded once per time, however many sweeps or instances see it. A moved
 * appointment gets a reminder for its new time; a cancelled one gets none.
 */
export async function queueDueReminders(db: Db, baseUrl: string, now: Date = new Date()): Promise<number> {
  const due = rowsOf<{ id: string }>(
    await db.execute(sql`
      select a.id from appointments a
      where a.status = 'confirmed'
        and a.starts_at > ${now.toISOString()}::timestamptz + interval '23 hours'
        and a.starts_at <= ${now.toISOString()}::timestamptz + interval '24 hours'
        and not exists (
          select 1 from outbox_emails o
          where o.dedupe_key = 'reminder:' || a.id || ':' || to_char(a.starts_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'))
      order by a.starts_at
      limit 500`),
  );
  let queued = 0;
  for (const { id } of due) {
    const details = await loadAppointmentDetails(db, id);
    if (!details || details.status !== "confirmed") continue;
    const added = await enqueueEmail(db, {
      kind: "reminder",
      to: details.patientEmail,
      content: reminderEmail(factsOf(details, baseUrl)),
      appointmentId: id,
      dedupeKey: `reminder:${id}:${details.startsAt.toISOString().replace(/\.\d{3}Z$/, "Z")}`,
    });
    if (added) queued++;
  }
  return queued;
}
