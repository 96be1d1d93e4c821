import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { workingHours } from "@/db/schema";
import { createLocation, createPractitioner, setWorkingHours } from "@/db/seed/factories";
import { replaceWeeklyHours, rowsInForce, toWeeklyForm } from "./hours";
import type { WorkingDay } from "./schemas";

const week = (start: string, end: string, workingDays: number[]): WorkingDay[] =>
  [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, isWorking: workingDays.includes(weekday), start, end, breaks: [{ start: "12:00", end: "12:30" }] }));

describe("replaceWeeklyHours", () => {
  it("refuses a location that does not exist with a field error, and changes nothing", async () => {
    const db = getDb();
    const p = await createPractitioner(db, { discipline: "chiropractor" });
    const attempt = db.transaction((tx) =>
      replaceWeeklyHours(tx, { practitionerId: p.id, locationId: "00000000-0000-4000-8000-000000000000", effectiveFrom: "2026-06-01", days: week("08:00", "16:00", [1]) }),
    );
    await expect(attempt).rejects.toMatchObject({ code: "invalid", fields: { locationId: "Choose a location" } });
    expect(await db.select().from(workingHours).where(eq(workingHours.practitionerId, p.id))).toEqual([]);
  });

  it("closes the schedule in force, drops future ones and starts the new one", async () => {
    const db = getDb();
    const location = await createLocation(db);
    const p = await createPractitioner(db, { discipline: "chiropractor" });
    await setWorkingHours(db, { practitionerId: p.id, locationId: location.id, effectiveFrom: "2026-01-01", days: [{ weekday: 1, start: "09:00", end: "17:00" }] });
    await setWorkingHours(db, { practitionerId: p.id, locationId: location.id, effectiveFrom: "2026-09-01", days: [{ weekday: 2, start: "09:00", end: "17:00" }] });

    await db.transaction((tx) => replaceWeeklyHours(tx, { practitionerId: p.id, locationId: location.id, effectiveFrom: "2026-06-01", days: week("08:00", "16:00", [3, 4]) }));

    const rows = await db.select().from(workingHours).where(eq(workingHours.practitionerId, p.id));
    expect(rowsInForce(rows, "2026-05-31").map((r) => r.weekday)).toEqual([1]);
    expect(
      rowsInForce(rows, "2026-06-01")
        .map((r) => r.weekday)
        .sort(),
    ).toEqual([3, 4]);
    expect(
      rowsInForce(rows, "2026-10-01")
        .map((r) => r.weekday)
        .sort(),
    ).toEqual([3, 4]);
    expect(rows.find((r) => r.weekday === 1)?.effectiveUntil).toBe("2026-05-31");

    const form = toWeeklyForm(rows, "2026-06-02", location.id);
    expect(form.filter((d) => d.isWorking).map((d) => [d.weekday, d.start, d.end])).toEqual([
      [3, "08:00", "16:00"],
      [4, "08:00", "16:00"],
    ]);
    expect(form[2]?.breaks).toEqual([{ start: "12:00", end: "12:30" }]);
  });
});
