import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { NoteSchema } from "@/lib/cases/schemas";

/**
 * Every text a form or the API can store has a length limit in its zod schema: an unbounded string is a
 * page 47,000 px wide waiting to happen (and a database filled by one request). Walks every schema
 * exported from lib/**\/schemas.ts and the upload words.
 */
const modules = import.meta.glob<Record<string, unknown>>(["./**/schemas.ts", "./exercises/uploads.ts"], { eager: true });

type Def = {
  type: string;
  format?: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  options?: z.ZodType[];
  left?: z.ZodType;
  right?: z.ZodType;
  checks?: Array<{ _zod: { def: { check: string; format?: string; pattern?: RegExp } } }>;
};
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;
// Formats whose text is bounded by their shape (an id, a date); free text and e-mail addresses are not.
const BOUNDED_FORMATS = new Set(["uuid", "guid", "date", "datetime", "time", "duration", "cuid", "ulid", "ipv4", "ipv6"]);
const anchoredWithoutRepeats = (re: RegExp) => re.source.startsWith("^") && re.source.endsWith("$") && !/[*+]|\{\d+,\}/.test(re.source);

function unboundedStrings(schema: z.ZodType, path: string, out: string[]) {
  const def = defOf(schema);
  switch (def.type) {
    case "string": {
      if (def.format && BOUNDED_FORMATS.has(def.format)) return;
      const max = (schema as unknown as { maxLength: number | null }).maxLength;
      const regexes = (def.checks ?? []).map((c) => c._zod.def).filter((c) => c.format === "regex" && c.pattern);
      if (max === null && !regexes.some((c) => anchoredWithoutRepeats(c.pattern!))) out.push(path);
      return;
    }
    case "object":
      for (const [key, child] of Object.entries(def.shape ?? {})) unboundedStrings(child, `${path}.${key}`, out);
      return;
    case "array":
      return unboundedStrings(def.element!, `${path}[]`, out);
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "catch":
    case "readonly":
    case "nonoptional":
      return unboundedStrings(def.innerType!, path, out);
    case "pipe":
      unboundedStrings(def.in!, path, out);
      return;
    case "union":
      def.options!.forEach((o, i) => unboundedStrings(o, `${path}|${i}`, out));
      return;
    case "intersection":
      unboundedStrings(def.left!, path, out);
      unboundedStrings(def.right!, path, out);
      return;
    default:
      return; // numbers, booleans, enums, literals, dates, files
  }
}

describe("text limits", () => {
  const schemas = Object.entries(modules).flatMap(([file, exports]) =>
    Object.entries(exports)
      .filter(([name, value]) => name.endsWith("Schema") && typeof value === "object" && value !== null && "_zod" in value)
      .map(([name, value]) => [`${file.replace("./", "lib/")}#${name}`, value as z.ZodType] as const),
  );

  it("finds the schemas", () => {
    expect(schemas.length).toBeGreaterThan(25);
  });

  // Compared with the new password (which is bounded) and never stored.
  const NOT_STORED = new Set(["lib/auth/schemas.ts#ChangePasswordSchema.confirmPassword"]);

  it("every string a schema accepts has a maximum length", () => {
    const unbounded: string[] = [];
    for (const [name, schema] of schemas) unboundedStrings(schema, name, unbounded);
    expect(unbounded.filter((path) => !NOT_STORED.has(path))).toEqual([]);
  });

  it("a case note over the limit is refused with a message, at the limit it is kept as typed", () => {
    const caseId = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";
    expect(NoteSchema.safeParse({ caseId, body: "x".repeat(10_001) }).error?.issues[0]?.message).toBe("Keep a note under 10,000 characters");
    expect(NoteSchema.parse({ caseId, body: "x".repeat(10_000) }).body).toHaveLength(10_000);
  });
});
