import { describe, expect, it } from "vitest";
import { checkInReasons, computeAdherence, versionInForce, type VersionForAdherence } from "./adherence";
import { RegimenItemSchema } from "./schemas";

const item = (id: string, exerciseId: string, over: Partial<VersionForAdherence["items"][number]> = {}) => ({ id, exerciseId, sets: 3, timesPerDay: 1, daysPerWeek: 7, ...over });
// 2026-11-02 is a Monday.
const v1: VersionForAdherence = { regimenId: "r1", startDate: "2026-11-02", items: [item("i1", "bridge"), item("i2", "walk", { daysPerWeek: 5, sets: 1 })] };
const days = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `2026-11-${String(from + i).padStart(2, "0")}`);

describe("computeAdherence", () => {
  it("is 100% when everything is done, rest days included", () => {
    const logs = [...days(2, 8).map((date) => ({ regimenItemId: "i1", date, setsDone: 3 })), ...days(2, 6).map((date) => ({ regimenItemId: "i2", date, setsDone: 1 }))];
    const { weeks, byExercise } = computeAdherence([v1], logs, "2026-11-08");
    expect(weeks).toHaveLength(1);
    expect(weeks[0]!.ratio).toBeCloseTo(1);
    expect(weeks[0]!.complete).toBe(false);
    expect(byExercise.find((e) => e.exerciseId === "walk")!.ratio).toBeCloseTo(1);
  });

  it("gives part credit for a partial day", () => {
    const logs = days(2, 8).map((date, i) => ({ regimenItemId: "i1", date, setsDone: i === 0 ? 1 : 3 }));
    const { byExercise } = computeAdherence([{ ...v1, items: [item("i1", "bridge")] }], logs, "2026-11-08");
    expect(byExercise[0]!.done).toBeCloseTo(6 + 1 / 3);
    expect(byExercise[0]!.ratio).toBeCloseTo((6 + 1 / 3) / 7);
  });

  it("does not let extra days hide missed ones, nor more sessions than prescribed count twice", () => {
    const logs = [...days(2, 8).map((date) => ({ regimenItemId: "i2", date, setsDone: 1 })), { regimenItemId: "i2", date: "2026-11-02", setsDone: 1 }];
    const { byExercise } = computeAdherence([{ ...v1, items: [item("i2", "walk", { daysPerWeek: 5, sets: 1 })] }], logs, "2026-11-08");
    expect(byExercise[0]!.done).toBeCloseTo(5);
    expect(byExercise[0]!.ratio).toBeCloseTo(1);
  });

  it("counts the current week only up to today", () => {
    const logs = days(2, 4).map((date) => ({ regimenItemId: "i1", date, setsDone: 3 }));
    const { weeks } = computeAdherence([{ ...v1, items: [item("i1", "bridge")] }], logs, "2026-11-04");
    expect(weeks[0]!.expected).toBeCloseTo(3);
    expect(weeks[0]!.ratio).toBeCloseTo(1);
  });

  it("follows a regimen changed mid-week, matching old logs by exercise", () => {
    const v2: VersionForAdherence = { regimenId: "r2", startDate: "2026-11-05", items: [item("j1", "bridge", { sets: 2 }), item("j3", "dead-bug", { sets: 2 })] };
    const logs = [
      ...days(2, 4).map((date) => ({ regimenItemId: "i1", date, setsDone: 3 })),
      // The phone still had the old plan on Thursday: its bridge log counts for the new bridge item.
      { regimenItemId: "i1", date: "2026-11-05", setsDone: 2 },
      ...days(6, 8).map((date) => ({ regimenItemId: "j1", date, setsDone: 2 })),
      ...days(5, 8).map((date) => ({ regimenItemId: "j3", date, setsDone: 1 })),
    ];
    const { weeks, byExercise } = computeAdherence([{ ...v1, items: [item("i1", "bridge")] }, v2], logs, "2026-11-08");
    expect(byExercise.find((e) => e.exerciseId === "bridge")!.ratio).toBeCloseTo(1);
    expect(byExercise.find((e) => e.exerciseId === "dead-bug")!.ratio).toBeCloseTo(0.5);
    // Bridge 7 of 7 sessions, dead bug 2 of 4 (from Thursday).
    expect(weeks[0]!.ratio).toBeCloseTo(9 / 11);
  });

  it("is empty before the regimen starts", () => {
    expect(computeAdherence([v1], [], "2026-11-01").weeks).toEqual([]);
  });
});

describe("a new version of the plan (v1 → v2)", () => {
  // v1 from Monday 2 Nov: bridge, bird dog and dead bug, every day. Monday all three, Tuesday the bridge
  // only, Wednesday all three before the therapist saves v2 that afternoon: 7 of 9 sessions, 78%.
  const v1: VersionForAdherence = { regimenId: "r1", version: 1, startDate: "2026-11-02", savedOn: "2026-11-02", items: [item("a1", "bridge"), item("a2", "bird-dog"), item("a3", "dead-bug")] };
  // v2 drops the dead bug for a side plank.
  const v2 = (startDate: string): VersionForAdherence => ({
    regimenId: "r2",
    version: 2,
    startDate,
    savedOn: "2026-11-04",
    items: [item("b1", "bridge"), item("b2", "bird-dog"), item("b3", "side-plank")],
  });
  const logs = [
    ...["a1", "a2", "a3"].map((id) => ({ regimenItemId: id, date: "2026-11-02", setsDone: 3 })),
    { regimenItemId: "a1", date: "2026-11-03", setsDone: 3 },
    ...["a1", "a2", "a3"].map((id) => ({ regimenItemId: id, date: "2026-11-04", setsDone: 3 })),
  ];
  const pct = (r: number) => Math.round(r * 100);

  it("keeps the week's adherence where it was when v2 is saved (78%, not 67%), and the new exercise is not 0% before it was asked for", () => {
    expect(pct(computeAdherence([v1], logs, "2026-11-04").weeks[0]!.ratio)).toBe(78);
    for (const start of ["2026-11-04", "2026-11-02"]) {
      const { weeks, byExercise } = computeAdherence([v1, v2(start)], logs, "2026-11-04");
      expect(pct(weeks[0]!.ratio), `v2 starting ${start}`).toBe(78);
      expect(byExercise.map((e) => e.exerciseId).sort()).toEqual(["bird-dog", "bridge", "dead-bug"]);
      expect(byExercise.find((e) => e.exerciseId === "dead-bug")!.ratio).toBeCloseTo(2 / 3);
    }
  });

  it("judges the days after the save by v2, and the days before by v1", () => {
    const thursday = ["b1", "b2", "b3"].map((id) => ({ regimenItemId: id, date: "2026-11-05", setsDone: 3 }));
    const { weeks, byExercise } = computeAdherence([v2("2026-11-04"), v1], [...logs, ...thursday], "2026-11-05");
    // 7 of 9 under v1, then 3 of 3 under v2.
    expect(weeks[0]!.ratio).toBeCloseTo(10 / 12);
    expect(byExercise.find((e) => e.exerciseId === "side-plank")).toMatchObject({ expected: 1, done: 1, ratio: 1 });
    expect(byExercise.find((e) => e.exerciseId === "dead-bug")).toMatchObject({ expected: 3, done: 2 });
  });

  it("knows which version is in force on each day", () => {
    const versions = [v1, v2("2026-11-02")];
    expect(versionInForce(versions, "2026-11-01")).toBeUndefined();
    expect(versionInForce(versions, "2026-11-04")?.regimenId).toBe("r1");
    expect(versionInForce(versions, "2026-11-05")?.regimenId).toBe("r2");
    // A first plan entered late (given on paper) counts from its start date.
    expect(versionInForce([{ ...v1, savedOn: "2026-11-04" }], "2026-11-02")?.regimenId).toBe("r1");
    // Saved the same day as v1, before the patient started: v2 from the next day.
    expect(versionInForce([v1, { ...v2("2026-11-02"), savedOn: "2026-11-02" }], "2026-11-02")?.regimenId).toBe("r1");
    // A version saved ahead of time that another replaced before it began never takes effect.
    const future = { ...v2("2026-11-20"), regimenId: "r2-future" };
    const v3: VersionForAdherence = { ...v2("2026-11-10"), regimenId: "r3", version: 3, savedOn: "2026-11-06" };
    expect(versionInForce([v1, future, v3], "2026-11-25")?.regimenId).toBe("r3");
  });
});

describe("checkInReasons", () => {
  const week = (weekStart: string, ratio: number, complete = true) => ({ weekStart, expected: 7, done: 7 * ratio, ratio, complete });

  it("raises a check-in after two complete weeks under 50%", () => {
    expect(checkInReasons([week("2026-11-02", 0.4), week("2026-11-09", 0.3)], [])).toEqual([expect.objectContaining({ kind: "adherence", key: "adherence:2026-11-09" })]);
  });

  it("does not for one bad week, 50% exactly, or an unfinished week", () => {
    expect(checkInReasons([week("2026-11-02", 0.9), week("2026-11-09", 0.2)], [])).toEqual([]);
    expect(checkInReasons([week("2026-11-02", 0.5), week("2026-11-09", 0.4)], [])).toEqual([]);
    expect(checkInReasons([week("2026-11-02", 0.3), week("2026-11-09", 0.1, false)], [])).toEqual([]);
  });

  it("raises a check-in when pain rises 2 points or more", () => {
    expect(
      checkInReasons(
        [],
        [
          { date: "2026-11-02", pain: 4 },
          { date: "2026-11-10", pain: 6 },
        ],
      ),
    ).toEqual([expect.objectContaining({ kind: "pain", text: expect.stringContaining("4 → 6") })]);
    expect(
      checkInReasons(
        [],
        [
          { date: "2026-11-02", pain: 4 },
          { date: "2026-11-10", pain: 5 },
        ],
      ),
    ).toEqual([]);
  });
});

describe("dose validation", () => {
  const base = { exerciseId: "3f2504e0-4f89-41d3-9a0c-0305e82c3301", sets: 3, timesPerDay: 1, daysPerWeek: 5, side: "both" as const, notes: "" };
  it("needs reps or a duration, not both", () => {
    expect(RegimenItemSchema.safeParse({ ...base, reps: 10 }).success).toBe(true);
    expect(RegimenItemSchema.safeParse({ ...base, durationSeconds: 60 }).success).toBe(true);
    expect(RegimenItemSchema.safeParse(base).error?.issues[0]?.message).toBe("Give reps or a duration");
    expect(RegimenItemSchema.safeParse({ ...base, reps: 10, durationSeconds: 60 }).success).toBe(false);
  });
  it("bounds every number", () => {
    for (const bad of [{ sets: 0 }, { sets: 11 }, { reps: 51 }, { durationSeconds: 5 }, { holdSeconds: 121, reps: 8 }, { timesPerDay: 7 }, { daysPerWeek: 0 }, { sets: 2.5 }]) {
      expect(RegimenItemSchema.safeParse({ ...base, reps: 10, ...bad }).success, JSON.stringify(bad)).toBe(false);
    }
  });
  it("treats an empty field as not given", () => {
    expect(RegimenItemSchema.parse({ ...base, reps: "", durationSeconds: 45, holdSeconds: "" })).toMatchObject({ durationSeconds: 45, reps: undefined });
  });
  it("refuses a hold on a timed exercise", () => {
    expect(RegimenItemSchema.safeParse({ ...base, durationSeconds: 60, holdSeconds: 10 }).success).toBe(false);
  });
});
