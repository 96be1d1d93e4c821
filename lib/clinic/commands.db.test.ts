import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents, practitionerServices } from "@/db/schema";
import { createLocation, createService as makeService, createUser, setWorkingHours } from "@/db/seed/factories";
import { getPublicFreeSlots } from "@/lib/availability";
import { addDaysIso, isoWeekday, localDate } from "@/lib/time";
import { createPractitioner, createService } from "./commands";

const fields = {
  name: "Hot stone massage (60 min)",
  description: "Warm stones along the back.",
  discipline: "massage_therapist" as const,
  durationMinutes: 60,
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 15,
  minNoticeMinutes: 60,
  cancellationCutoffHours: 24,
  needsReview: false,
  isHandsOn: true,
  roomKind: null,
  isOnlineBookable: true,
  isActive: true,
};

describe("admins shape the clinic", () => {
  it("create a service with a slug from its name (unique), audited; nobody else can", async () => {
    const db = getDb();
    const admin = await createUser(db, { role: "admin" });
    const first = await db.transaction((tx) => createService(tx, { actor: admin, values: fields }));
    const second = await db.transaction((tx) => createService(tx, { actor: admin, values: fields }));
    expect(first.slug).toBe("hot-stone-massage-60-min");
    expect(second.slug).toBe("hot-stone-massage-60-min-2");
    const [event] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "service.created"), eq(auditEvents.entityId, first.id)));
    expect(event).toBeDefined();
    const staff = await createUser(db, { role: "staff" });
    await expect(db.transaction((tx) => createService(tx, { actor: staff, values: fields }))).rejects.toMatchObject({ code: "forbidden" });
  });

  it("add a practitioner who offers only their discipline's services and is bookable once hours are set", async () => {
    const db = getDb();
    const admin = await createUser(db, { role: "admin" });
    const location = await createLocation(db, { name: "Create test", timeZone: "America/Denver" });
    const massage = await makeService(db, { discipline: "massage_therapist", durationMinutes: 60 });
    const chiro = await makeService(db, { discipline: "chiropractor", durationMinutes: 30 });
    const values = { displayName: "New Therapist", credentials: "LMT", discipline: "massage_therapist" as const, locationId: location.id, serviceIds: [massage.id, chiro.id] };
    await expect(db.transaction((tx) => createPractitioner(tx, { actor: admin, values }))).rejects.toMatchObject({ code: "invalid" });
    const created = await db.transaction((tx) => createPractitioner(tx, { actor: admin, values: { ...values, serviceIds: [massage.id] } }));
    expect((await db.select().from(practitionerServices).where(eq(practitionerServices.practitionerId, created.id))).map((r) => r.serviceId)).toEqual([massage.id]);

    let day = addDaysIso(localDate(new Date(), "America/Denver"), 7);
    while (isoWeekday(day) > 5) day = addDaysIso(day, 1);
    expect((await getPublicFreeSlots(db, { serviceSlug: massage.slug, practitionerId: created.id, from: day, to: day })).slots).toEqual([]);
    await setWorkingHours(db, { practitionerId: created.id, locationId: location.id, days: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: "09:00", end: "12:00" })) });
    expect((await getPublicFreeSlots(db, { serviceSlug: massage.slug, practitionerId: created.id, locationId: location.id, from: day, to: day })).slots.length).toBeGreaterThan(0);
  });
});
