import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "./client";
import { pgErrorCode } from "./errors";
import { appointments } from "./schema";
import { createAppointment, createLocation, createPatient, createPractitioner, createService } from "./seed/factories";

const at = (iso: string) => new Date(iso);

describe("appointments_no_overlap (exclusion constraint)", () => {
  let ctx: {
    patientId: string;
    practitionerId: string;
    otherPractitionerId: string;
    locationId: string;
    service: Awaited<ReturnType<typeof createService>>;
    buffered: Awaited<ReturnType<typeof createService>>;
  };

  beforeAll(async () => {
    const db = getDb();
    const location = await createLocation(db);
    const service = await createService(db, { durationMinutes: 60 });
    const buffered = await createService(db, { durationMinutes: 30, bufferBeforeMinutes: 10, bufferAfterMinutes: 15 });
    const practitioner = await createPractitioner(db, { discipline: "massage_therapist", serviceIds: [service.id, buffered.id] });
    const other = await createPractitioner(db, { discipline: "massage_therapist", serviceIds: [service.id] });
    const patient = await createPatient(db);
    ctx = { patientId: patient.id, practitionerId: practitioner.id, otherPractitionerId: other.id, locationId: location.id, service, buffered };
  });

  const book = (startsAt: string, opts: { practitionerId?: string; service?: typeof ctx.service; status?: "requested" | "confirmed" | "cancelled" | "no_show" } = {}) =>
    createAppointment(getDb(), {
      patientId: ctx.patientId,
      practitionerId: opts.practitionerId ?? ctx.practitionerId,
      service: opts.service ?? ctx.service,
      locationId: ctx.locationId,
      startsAt: at(startsAt),
      status: opts.status ?? "confirmed",
    });

  const sqlstateOf = async (p: Promise<unknown>) => {
    try {
      await p;
      return "no error";
    } catch (err) {
      return pgErrorCode(err);
    }
  };

  it("refuses an overlapping active appointment with SQLSTATE 23P01", async () => {
    await book("2030-01-07T14:00:00Z");
    expect(await sqlstateOf(book("2030-01-07T14:30:00Z", { status: "requested" }))).toBe("23P01");
    expect(await sqlstateOf(book("2030-01-07T13:30:00Z"))).toBe("23P01");
    expect(await sqlstateOf(book("2030-01-07T14:00:00Z"))).toBe("23P01");
  });

  it("allows back-to-back appointments", async () => {
    await book("2030-01-08T14:00:00Z");
    await expect(book("2030-01-08T15:00:00Z")).resolves.toMatchObject({ status: "confirmed" });
    await expect(book("2030-01-08T13:00:00Z")).resolves.toMatchObject({ status: "confirmed" });
  });

  it("lets another practitioner take the same time", async () => {
    await book("2030-01-09T14:00:00Z");
    await expect(book("2030-01-09T14:00:00Z", { practitionerId: ctx.otherPractitionerId })).resolves.toBeTruthy();
  });

  it("counts the service's buffers", async () => {
    // 30 min visit 14:00–14:30 holds 13:50–14:45.
    await book("2030-01-10T14:00:00Z", { service: ctx.buffered });
    expect(await sqlstateOf(book("2030-01-10T14:40:00Z", { service: ctx.service }))).toBe("23P01");
    expect(await sqlstateOf(book("2030-01-10T12:55:00Z", { service: ctx.service }))).toBe("23P01");
    await expect(book("2030-01-10T14:45:00Z", { service: ctx.service })).resolves.toBeTruthy();
  });

  it("frees the time of a cancelled or no-show appointment", async () => {
    const first = await book("2030-01-11T14:00:00Z");
    await getDb().update(appointments).set({ status: "cancelled" }).where(eq(appointments.id, first.id));
    const second = await book("2030-01-11T14:00:00Z");
    await getDb().update(appointments).set({ status: "no_show" }).where(eq(appointments.id, second.id));
    await expect(book("2030-01-11T14:15:00Z")).resolves.toBeTruthy();
    // ...but cancelled ones never block, even when several share a time.
    await expect(book("2030-01-12T14:00:00Z", { status: "cancelled" })).resolves.toBeTruthy();
    await expect(book("2030-01-12T14:00:00Z", { status: "cancelled" })).resolves.toBeTruthy();
  });

  it("refuses to reactivate a cancelled appointment into a taken time", async () => {
    const cancelled = await book("2030-01-13T14:00:00Z", { status: "cancelled" });
    await book("2030-01-13T14:00:00Z");
    const reactivate = getDb().update(appointments).set({ status: "confirmed" }).where(eq(appointments.id, cancelled.id));
    expect(await sqlstateOf(reactivate)).toBe("23P01");
  });

  it("keeps the stored window consistent with the buffers", async () => {
    const bad = getDb()
      .insert(appointments)
      .values({
        patientId: ctx.patientId,
        practitionerId: ctx.practitionerId,
        serviceId: ctx.service.id,
        locationId: ctx.locationId,
        startsAt: at("2030-02-01T14:00:00Z"),
        endsAt: at("2030-02-01T15:00:00Z"),
        bufferAfterMinutes: 15,
        blockedFrom: at("2030-02-01T14:00:00Z"),
        blockedUntil: at("2030-02-01T15:00:00Z"),
      });
    expect(await sqlstateOf(bad)).toBe("23514");
  });
});
