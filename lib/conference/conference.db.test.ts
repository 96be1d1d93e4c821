import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { conferenceAttendees } from "@/db/schema";
import { createPractitioner } from "@/db/seed/factories";
import type { CurrentUser } from "@/lib/auth/sessions";
import { nominateCase, recordMeeting, upcomingConference } from "./conference";

async function physician(): Promise<CurrentUser> {
  const p = await createPractitioner(getDb(), { discipline: "spine_physician", account: {} });
  return { id: p.user!.id, email: p.user!.email, name: p.displayName, role: "practitioner", sessionId: "s", patientId: null, practitionerId: p.id, discipline: "spine_physician" };
}

describe("the conference refuses ids it does not know, with a clear answer and no change", () => {
  it("an unknown attendee or case", async () => {
    const db = getDb();
    const me = await physician();
    const conference = await upcomingConference(db);
    await expect(db.transaction((tx) => recordMeeting(tx, { conferenceId: conference.id, summary: "Weekly", attendees: [me.practitionerId!, randomUUID()] }, me))).rejects.toMatchObject({
      code: "invalid",
    });
    expect(await db.select().from(conferenceAttendees).where(eq(conferenceAttendees.conferenceId, conference.id))).toEqual([]);
    await expect(db.transaction((tx) => nominateCase(tx, randomUUID(), "Because", me))).rejects.toMatchObject({ code: "not_found" });
  });
});
