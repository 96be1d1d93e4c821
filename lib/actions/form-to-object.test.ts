import { describe, expect, it } from "vitest";
import { formToObject } from "./form-data";

describe("formToObject", () => {
  it("nests dotted names, builds arrays and keeps repeated names", () => {
    const f = new FormData();
    f.set("caseId", "c1");
    f.set("items.0.activity", "Sitting");
    f.set("items.0.score", "4");
    f.set("items.1.activity", "Walking");
    f.append("attendees", "a");
    f.append("attendees", "b");
    f.set("$ACTION_ID_x", "ignored");
    expect(formToObject(f)).toEqual({ caseId: "c1", items: [{ activity: "Sitting", score: "4" }, { activity: "Walking" }], attendees: ["a", "b"] });
  });

  it("copes with no form at all", () => expect(formToObject(undefined)).toEqual({}));
});

describe("formToObject with hostile names", () => {
  it("drops prototype-polluting and malformed names", () => {
    const f = new FormData();
    f.set("__proto__.polluted", "yes");
    f.set("a.constructor.prototype.x", "yes");
    f.set(".", "x");
    f.set("", "x");
    f.set("a", "1");
    f.set("a.b", "2");
    expect(formToObject(f)).toEqual({ a: "1" });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
  it("ignores values that are not FormData", () => {
    expect(formToObject("x")).toEqual({});
    expect(formToObject({ a: 1 })).toEqual({});
  });
});
