import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { appointments, auditEvents, rooms, services } from "@/db/schema";
import { createAppointment, createLocation, createPatient, createPractitioner, createRoom, createService as makeService, createUser } from "@/db/seed/factories";
import { createService, updateService } from "@/lib/clinic/commands";
import { ServiceFieldsSchema } from "@/lib/clinic/schemas";
import { addDaysIso, localDate, zonedInstant } from "@/lib/time";
import { addRoom, renameRoom, setRoomActive } from "./commands";

const ZONE = "America/New_York";

async function setup() {
  const db = getDb();
  const admin = await createUser(db, { role: "admin" });
  const location = await createLocation(db, { name: `Rooms ${Math.random()}`, timeZone: ZONE });
  return { db, admin, location };
}

describe("admins keep each location's rooms", () => {
  it("add a room (audited); a name already used at the location is a field error, elsewhere it is fine", async () => {
    const { db, admin, location } = await setup();
    const room = await db.transaction((tx) => addRoom(tx, { actor: admin, locationId: location.id, name: "Massage 1", kind: "massage" }));
    const [event] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "room.added"), eq(auditEvents.entityId, room.id)));
    expect(event?.details).toMatchObject({ locationId: location.id, kind: "massage" });

    const clash = db.transaction((tx) => addRoom(tx, { actor: admin, locationId: location.id, name: "Massage 1", kind: "treatment" }));
    await expect(clash).rejects.toMatchObject({ code: "invalid", fields: { name: "Another room at this location has that name" } });
    expect(await db.select().from(rooms).where(eq(rooms.locationId, location.id))).toHaveLength(1);

    const other = await createLocation(db, { name: `Other ${Math.random()}`, timeZone: ZONE });
    await expect(db.transaction((tx) => addRoom(tx, { actor: admin, locationId: other.id, name: "Massage 1", kind: "massage" }))).resolves.toHaveProperty("id");
  });

  it("rename: a clash is a field error and the old name stays; nobody but an admin", async () => {
    const { db, admin, location } = await setup();
    const a = await createRoom(db, { locationId: location.id, kind: "treatment", name: "Blue" });
    await createRoom(db, { locationId: location.id, kind: "treatment", name: "Green" });
    await expect(db.transaction((tx) => renameRoom(tx, { actor: admin, id: a.id, name: "Green" }))).rejects.toMatchObject({ code: "invalid", fields: { name: expect.any(String) } });
    expect((await db.select().from(rooms).where(eq(rooms.id, a.id)))[0]!.name).toBe("Blue");
    await db.transaction((tx) => renameRoom(tx, { actor: admin, id: a.id, name: "Teal" }));
    expect((await db.select().from(rooms).where(eq(rooms.id, a.id)))[0]!.name).toBe("Teal");
    const staff = await createUser(db, { role: "staff" });
    await expect(db.transaction((tx) => renameRoom(tx, { actor: staff, id: a.id, name: "Red" }))).rejects.toMatchObject({ code: "forbidden" });
    await expect(db.transaction((tx) => addRoom(tx, { actor: staff, locationId: location.id, name: "Red", kind: "massage" }))).rejects.toMatchObject({ code: "forbidden" });
  });

  it("deactivating lists the upcoming booked appointments in the room and changes none of them; reactivating restores it", async () => {
    const { db, admin, location } = await setup();
    const service = await makeService(db, { discipline: "massage_therapist", durationMinutes: 60, roomKind: "massage" });
    const p = await createPractitioner(db, { discipline: "massage_therapist", serviceIds: [service.id] });
    const room = await createRoom(db, { locationId: location.id, kind: "massage", name: "Table A" });
    const patient = await createPatient(db, { fullName: "Room Patient" });
    const day = addDaysIso(localDate(new Date(), ZONE), 5);
    const upcoming = await createAppointment(db, { patientId: patient.id, practitionerId: p.id, service, locationId: location.id, startsAt: zonedInstant(day, "10:00", ZONE), roomId: room.id });
    const cancelled = await createAppointment(db, {
      patientId: patient.id,
      practitionerId: p.id,
      service,
      locationId: location.id,
      startsAt: zonedInstant(day, "14:00", ZONE),
      roomId: room.id,
      status: "cancelled",
    });
    const past = await createAppointment(db, {
      patientId: patient.id,
      practitionerId: p.id,
      service,
      locationId: location.id,
      startsAt: zonedInstant(addDaysIso(day, -30), "10:00", ZONE),
      roomId: room.id,
      status: "completed",
    });

    const { inside } = await db.transaction((tx) => setRoomActive(tx, { actor: admin, id: room.id, isActive: false }));
    expect(inside.map((a) => a.id)).toEqual([upcoming.id]);
    const [after] = await db.select().from(rooms).where(eq(rooms.id, room.id));
    expect(after!.isActive).toBe(false);
    const rows = await db.select({ id: appointments.id, status: appointments.status, roomId: appointments.roomId }).from(appointments).where(eq(appointments.roomId, room.id));
    expect(rows.map((r) => r.id).sort()).toEqual([upcoming.id, cancelled.id, past.id].sort());
    expect(rows.find((r) => r.id === upcoming.id)!.status).toBe("confirmed");
    const [event] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "room.deactivated"), eq(auditEvents.entityId, room.id)));
    expect(event?.details).toMatchObject({ appointmentsInside: 1 });

    await db.transaction((tx) => setRoomActive(tx, { actor: admin, id: room.id, isActive: true }));
    expect((await db.select().from(rooms).where(eq(rooms.id, room.id)))[0]!.isActive).toBe(true);
  });

  it("a service's room kind is saved on create and on edit, and cleared with the form's empty choice", async () => {
    const { db, admin } = await setup();
    const fields = ServiceFieldsSchema.parse({
      name: "Sports massage (45 min)",
      description: "",
      discipline: "massage_therapist",
      durationMinutes: 45,
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 15,
      minNoticeMinutes: 60,
      cancellationCutoffHours: 24,
      needsReview: false,
      isHandsOn: true,
      roomKind: "massage",
      isOnlineBookable: true,
      isActive: true,
    });
    const created = await db.transaction((tx) => createService(tx, { actor: admin, values: fields }));
    const kindOf = async () => (await db.select({ roomKind: services.roomKind }).from(services).where(eq(services.id, created.id)))[0]!.roomKind;
    expect(await kindOf()).toBe("massage");
    await db.transaction((tx) => updateService(tx, { actor: admin, values: { ...fields, id: created.id, roomKind: "treatment" } }));
    expect(await kindOf()).toBe("treatment");
    const none = ServiceFieldsSchema.parse({ ...fields, roomKind: "" });
    expect(none.roomKind).toBeNull();
    await db.transaction((tx) => updateService(tx, { actor: admin, values: { ...none, id: created.id } }));
    expect(await kindOf()).toBeNull();
    expect(ServiceFieldsSchema.safeParse({ ...fields, roomKind: "sauna" }).success).toBe(false);
  });
});
