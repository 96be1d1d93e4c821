import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ENV_NAMES, EnvError, parseEnv } from "./env";

/** The README's configuration table: each row's variables (`A` / `B`) with their documented defaults. */
function readmeTable(): Map<string, string> {
  const readme = readFileSync(path.join(import.meta.dirname, "..", "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("## Configuration"), readme.indexOf("\n## ", readme.indexOf("## Configuration") + 5));
  const rows = new Map<string, string>();
  for (const line of section.split("\n").filter((l) => l.startsWith("| `"))) {
    const [names, defaults] = line
      .split("|")
      .slice(1, 3)
      .map((c) => c.trim());
    const vars = [...names!.matchAll(/`([A-Z_]+)`/g)].map((m) => m[1]!);
    const values = defaults!.split(" / ").map((d) => d.trim());
    vars.forEach((v, i) => rows.set(v, values.length === vars.length ? values[i]! : defaults!));
  }
  return rows;
}

describe("the environment", () => {
  it("is documented in the README exactly: every variable the schema reads has a row, and every row is read", () => {
    const documented = readmeTable();
    expect([...documented.keys()].sort()).toEqual([...ENV_NAMES].sort());
  });

  it("has the defaults the README states", () => {
    const documented = readmeTable();
    const defaults = parseEnv({});
    for (const name of ENV_NAMES) {
      const value = defaults[name];
      if (typeof value === "number") expect(documented.get(name), name).toContain(`\`${value}\``);
    }
    expect(documented.get("MAIL_FROM")).toContain(defaults.MAIL_FROM);
  });

  it("refuses bad values at start, naming each variable", () => {
    expect(() => parseEnv({ SIGNIN_MAX_FAILURES: "ten", DATABASE_URL: "mysql://x", REQUEST_BODY_LIMIT_KB: "0" })).toThrow(EnvError);
    try {
      parseEnv({ SIGNIN_MAX_FAILURES: "ten", DATABASE_URL: "mysql://x", REQUEST_BODY_LIMIT_KB: "0" });
    } catch (err) {
      expect((err as Error).message).toMatch(/SIGNIN_MAX_FAILURES/);
      expect((err as Error).message).toMatch(/DATABASE_URL/);
      expect((err as Error).message).toMatch(/REQUEST_BODY_LIMIT_KB/);
    }
  });

  it("reads numbers, flags and blanks as the README says", () => {
    const e = parseEnv({ TRUSTED_PROXY_HOPS: "2", JOBS_DISABLED: "1", COOKIE_SECURE: "0", SMTP_URL: "", BOOKING_HORIZON_DAYS: "" });
    expect(e).toMatchObject({ TRUSTED_PROXY_HOPS: 2, JOBS_DISABLED: true, COOKIE_SECURE: false, SMTP_URL: undefined, BOOKING_HORIZON_DAYS: 90 });
  });
});
