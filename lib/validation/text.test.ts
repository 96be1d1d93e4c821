import { describe, expect, it } from "vitest";
import { z } from "zod";
import { CONTROL_CHARACTER_MESSAGE, controlCharacterFields, hasControlCharacters, text } from "./text";

describe("control characters", () => {
  it("are NUL, the other C0 controls, DEL and C1 — not tab or new lines", () => {
    for (const c of ["\u0000", "\u0001", "\u0008", "\u000b", "\u000c", "\u001b", "\u007f", "\u0085", "\u009f"]) expect(hasControlCharacters(`a${c}b`), JSON.stringify(c)).toBe(true);
    for (const ok of ["plain", "tab\there", "two\nlines", "windows\r\nlines", "émigré — ok", "💥", "\u202e"]) expect(hasControlCharacters(ok), ok).toBe(false);
  });

  it("text() refuses them with a field error, and keeps trimming and bounds", () => {
    const schema = z.object({ name: text().trim().min(2, "Too short") });
    const bad = schema.safeParse({ name: "Ana\u0000" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]).toMatchObject({ path: ["name"], message: CONTROL_CHARACTER_MESSAGE });
    expect(schema.parse({ name: "  Ana  " })).toEqual({ name: "Ana" });
    expect(schema.safeParse({ name: " a " }).error?.issues[0]?.message).toBe("Too short");
  });

  it("are found anywhere in an input, keyed like zod's field paths", () => {
    const input = { patient: { name: "A\u0000" }, items: [{ notes: "ok" }, { notes: "x\u0007" }], ok: "fine", n: 3, nested: null };
    expect(controlCharacterFields(input)).toEqual({ "patient.name": CONTROL_CHARACTER_MESSAGE, "items.1.notes": CONTROL_CHARACTER_MESSAGE });
    expect(controlCharacterFields("\u0000")).toEqual({ _: CONTROL_CHARACTER_MESSAGE });
    expect(controlCharacterFields({ a: "clean", b: ["also\tclean"] })).toEqual({});
  });

  it("survive cycles and stop after a bounded number of fields", () => {
    const loop: Record<string, unknown> = { a: "\u0000" };
    loop.self = loop;
    expect(controlCharacterFields(loop)).toEqual({ a: CONTROL_CHARACTER_MESSAGE });
    const many = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`f${i}`, "\u0000"]));
    expect(Object.keys(controlCharacterFields(many)).length).toBe(20);
  });
});
