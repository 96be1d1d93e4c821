import { describe, expect, it } from "vitest";
import { WorkingDaySchema } from "./schemas";

const day = (over: Partial<Record<string, unknown>> = {}) => ({ weekday: 1, isWorking: true, start: "09:00", end: "17:00", breaks: [], ...over });

describe("WorkingDaySchema", () => {
  it("accepts a day with a lunch break", () => {
    expect(WorkingDaySchema.safeParse(day({ breaks: [{ start: "12:00", end: "12:45" }] })).success).toBe(true);
  });

  it("refuses a day that ends before it starts", () => {
    const r = WorkingDaySchema.safeParse(day({ start: "17:00", end: "09:00" }));
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(["end"]);
  });

  it("refuses breaks outside the day or overlapping each other", () => {
    expect(WorkingDaySchema.safeParse(day({ breaks: [{ start: "08:00", end: "09:30" }] })).success).toBe(false);
    expect(
      WorkingDaySchema.safeParse(
        day({
          breaks: [
            { start: "12:00", end: "13:00" },
            { start: "12:30", end: "13:30" },
          ],
        }),
      ).success,
    ).toBe(false);
  });

  it("does not check times of a day off", () => {
    expect(WorkingDaySchema.safeParse(day({ isWorking: false, start: "17:00", end: "09:00" })).success).toBe(true);
  });

  it("refuses times that are not HH:mm", () => {
    expect(WorkingDaySchema.safeParse(day({ start: "9am" })).success).toBe(false);
    expect(WorkingDaySchema.safeParse(day({ end: "24:00" })).success).toBe(false);
  });
});
