import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/en.json";
import { DomainError, actionErrorOf, errorText, httpErrorOf } from "./errors";

const ROOT = path.resolve(import.meta.dirname, "..");
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sources(full);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}
const code = ["lib", "app"]
  .flatMap((d) => sources(path.join(ROOT, d)))
  .map((f) => readFileSync(f, "utf8"))
  .join("\n");
const errors = en.errors as Record<string, Record<string, string>>;

describe("the one error model", () => {
  it("has words in the catalog for every code and key the code raises", () => {
    const used = [...code.matchAll(/(?:new DomainError|actionError)\(\s*"([a-z_]+)"(?:,\s*"([a-z_]+)")?/g)].map((m) => `${m[1]}.${m[2] ?? "default"}`);
    expect(used.length).toBeGreaterThan(60);
    expect(
      [...new Set(used)].filter((k) => {
        const [c, key] = k.split(".");
        return !errors[c!]?.[key!];
      }),
    ).toEqual([]);
    for (const [c, keys] of Object.entries(errors)) expect(keys, c).toHaveProperty("default");
  });

  it("has words for every field key the code names", () => {
    const fieldBlocks = [...code.matchAll(/fields: \{([^{}]*)\}/g)].flatMap((m) => [...m[1]!.matchAll(/:\s*"([a-z_]+)"/g)].map((x) => x[1]!));
    expect(fieldBlocks.filter((k) => !(k in en.fields))).toEqual([]);
  });

  it("renders a code at both edges: the action result and the HTTP answer", () => {
    const err = new DomainError("forbidden", "clear_flag", { params: { who: "a spine physician" } });
    expect(actionErrorOf(err)).toEqual({ ok: false, error: { code: "forbidden", message: "Only a spine physician can clear this red flag." } });
    expect(httpErrorOf(err)).toMatchObject({ status: 403, body: { error: { code: "forbidden", message: "Only a spine physician can clear this red flag." } } });
    const limited = httpErrorOf(new DomainError("rate_limited", "api", { headers: { "Retry-After": "7" } }));
    expect(limited).toMatchObject({ status: 429, headers: { "Retry-After": "7" } });
    expect(httpErrorOf(new DomainError("wrong_code", "default", { params: { attemptsLeft: 1 }, extra: { attemptsLeft: 1 } }))).toEqual({
      status: 422,
      body: { error: { code: "wrong_code", message: "That code is not right. 1 try left." }, attemptsLeft: 1 },
      headers: {},
    });
    expect(actionErrorOf(new DomainError("invalid", "discharge_reason", { fields: { reason: "discharge_reason" } })).error.fields).toEqual({ reason: "Give the clinical reason for closing the case" });
  });

  it("answers refusals with their HTTP status, not a generic 400", async () => {
    const statuses = Object.fromEntries(
      (["unauthenticated", "forbidden", "cross_site", "not_found", "rate_limited", "gone", "slot_taken", "invalid"] as const).map((c) => [c, httpErrorOf(new DomainError(c)).status]),
    );
    expect(statuses).toEqual({ unauthenticated: 401, forbidden: 403, cross_site: 403, not_found: 404, rate_limited: 429, gone: 410, slot_taken: 409, invalid: 400 });
  });

  it("falls back to a code's default words for an unknown key", () => {
    expect(errorText("not_found", "no_such_key")).toBe(en.errors.not_found.default);
  });
});
