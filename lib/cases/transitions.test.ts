import { describe, expect, it } from "vitest";
import { CASE_STATUSES, type CaseStatus } from "./status";
import { transitionCase } from "./transitions";

describe("transitionCase", () => {
  const allowed: Array<[CaseStatus, CaseStatus]> = [
    ["new", "triaged"],
    ["triaged", "in_care"],
    ["in_care", "case_conference"],
    ["case_conference", "in_care"],
    ["case_conference", "discharged"],
    ["in_care", "discharged"],
    ["discharged", "triaged"],
    ["new", "case_conference"],
  ];
  it.each(allowed)("%s → %s is allowed", (from, to) => expect(transitionCase(from, to)).toEqual({ ok: true, to }));

  const refused: Array<[CaseStatus, CaseStatus]> = [
    ["in_care", "new"],
    ["discharged", "in_care"],
    ["discharged", "case_conference"],
    ["case_conference", "triaged"],
    ["triaged", "new"],
  ];
  it.each(refused)("%s → %s is refused with a reason", (from, to) => {
    const r = transitionCase(from, to);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/cannot go from/);
  });

  it("refuses staying put and never returns to new", () => {
    for (const s of CASE_STATUSES) {
      expect(transitionCase(s, s).ok).toBe(false);
      if (s !== "new") expect(transitionCase(s, "new").ok).toBe(false);
    }
  });
});
