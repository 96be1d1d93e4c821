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
