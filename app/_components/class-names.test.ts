import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cn } from "./ui";

const root = path.join(import.meta.dirname, "..");
const sources = (readdirSync(root, { recursive: true }) as string[]).filter((f) => f.endsWith(".tsx")).map((f) => path.join(root, f));

describe("class names", () => {
  it("a later colour wins when merged with cn (a string join kept both, and white on white followed)", () => {
    expect(cn("bg-brand-600 text-white", "bg-white text-brand-800")).toBe("bg-white text-brand-800");
  });

  it("no component joins class names in a template string: every merge goes through cn", () => {
    const joins = sources.flatMap((file) =>
      readFileSync(file, "utf8")
        .split("\n")
        .map((line, i) => ({ line, at: `${path.relative(root, file)}:${i + 1}` }))
        .filter(({ line }) => /className=\{`[^`]*\$\{/.test(line))
        .map(({ at }) => at),
    );
    expect(joins).toEqual([]);
  });
});
