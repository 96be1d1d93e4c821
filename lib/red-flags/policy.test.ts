import { describe, expect, it } from "vitest";
import type { Discipline } from "@/lib/clinic/disciplines";
import { canClearFlag, canDischargeCase, whoCanClear } from "./policy";

const practitioner = (discipline: Discipline) => ({ role: "practitioner" as const, discipline });
const open = (priority: "emergency" | "same_day" | "within_48h") => ({ priority, clearedAt: null });

describe("who may clear a red flag", () => {
  const table: Array<[Discipline, "emergency" | "same_day" | "within_48h", boolean]> = [
    ["spine_physician", "emergency", true],
    ["nurse", "emergency", false],
    ["chiropractor", "emergency", false],
    ["massage_therapist", "emergency", false],
    ["spine_physician", "same_day", true],
    ["nurse", "same_day", true],
    ["physical_therapist", "same_day", false],
    ["nurse", "within_48h", true],
    ["massage_therapist", "within_48h", false],
  ];
  it.each(table)("%s clearing an open %s flag: %s", (discipline, priority, allowed) => {
    expect(canClearFlag(practitioner(discipline), open(priority))).toBe(allowed);
  });

  it("nobody clears a flag twice, and desk or admin never clear", () => {
    expect(canClearFlag(practitioner("spine_physician"), { priority: "emergency", clearedAt: new Date() })).toBe(false);
    expect(canClearFlag({ role: "staff", discipline: null }, open("within_48h"))).toBe(false);
    expect(canClearFlag({ role: "admin", discipline: null }, open("within_48h"))).toBe(false);
  });

  it("says who can clear in words", () => {
    expect(whoCanClear("emergency")).toBe("a spine physician");
    expect(whoCanClear("same_day")).toBe("a spine physician or a nurse");
  });
});

describe("who may discharge a case", () => {
  it("anyone on the clinical team when no serious flag is open", () => {
    expect(canDischargeCase(practitioner("massage_therapist"), [open("within_48h")])).toBe(true);
    expect(canDischargeCase(practitioner("massage_therapist"), [{ priority: "emergency", clearedAt: new Date() }])).toBe(true);
  });
  it("only a spine physician over an uncleared emergency or same-day flag", () => {
    expect(canDischargeCase(practitioner("massage_therapist"), [open("emergency")])).toBe(false);
    expect(canDischargeCase(practitioner("nurse"), [open("same_day")])).toBe(false);
    expect(canDischargeCase({ role: "admin", discipline: null }, [open("emergency")])).toBe(false);
    expect(canDischargeCase(practitioner("spine_physician"), [open("emergency")])).toBe(true);
  });
  it("never the desk or a patient", () => {
    expect(canDischargeCase({ role: "staff", discipline: null }, [])).toBe(false);
    expect(canDischargeCase({ role: "patient", discipline: null }, [])).toBe(false);
  });
});
