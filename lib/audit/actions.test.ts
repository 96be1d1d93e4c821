import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AUDIT_ACTIONS, auditActionForPatient, auditActionLabel } from "./actions";

const root = path.join(import.meta.dirname, "..", "..");
const sources = ["lib", "app"].flatMap((dir) =>
  (readdirSync(path.join(root, dir), { recursive: true }) as string[]).filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f)).map((f) => readFileSync(path.join(root, dir, f), "utf8")),
);
// `action: "x.y"`, `action: cond ? "x.y" : "x.z"`, and `inArray(auditEvents.action, ["x.y", ...])`.
const recorded = new Set(
  sources.flatMap((text) => [
    ...[...text.matchAll(/\baction:\s*([^,}\n]*)/g)].flatMap((m) => [...m[1]!.matchAll(/"([a-z_]+\.[a-z_]+)"/g)].map((x) => x[1]!)),
    ...[...text.matchAll(/auditEvents\.action,\s*\[([^\]]*)\]/g)].flatMap((m) => [...m[1]!.matchAll(/"([a-z_]+\.[a-z_]+)"/g)].map((x) => x[1]!)),
  ]),
);

describe("the audit action catalog", () => {
  it("has words for every action the code records", () => {
    expect(recorded.size).toBeGreaterThan(30);
    expect([...recorded].filter((a) => !(a in AUDIT_ACTIONS))).toEqual([]);
  });

  it("never shows a raw code", () => {
    expect(auditActionForPatient("regimen.viewed")).toBe("Opened your exercise plan");
    expect(auditActionLabel("regimen.viewed")).toBe("Exercise plan opened");
    expect(auditActionForPatient("something.new")).not.toContain("something");
    for (const { label, patient } of Object.values(AUDIT_ACTIONS)) {
      expect(label).not.toMatch(/[._]/);
      expect(patient).not.toMatch(/[._]/);
    }
  });
});
