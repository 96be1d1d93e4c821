import { describe, expect, it } from "vitest";
import { describeError, errorFields, redactConsoleErrors } from "./log";

const SECRET = "alice.private@example.com";

/** Shaped like drizzle-orm's DrizzleQueryError around a PostgreSQL error. */
function queryError(params: unknown[]) {
  const cause = Object.assign(new Error(`new row for relation "patients" violates check constraint "patients_email_check"`), {
    code: "23514",
    constraint_name: "patients_email_check",
    table_name: "patients",
    detail: `Failing row contains (${SECRET}, 1980-01-01).`,
  });
  const err = new Error(`Failed query: insert into "patients" ("email") values ($1)\nparams: ${params.join(",")}`, { cause });
  err.name = "DrizzleQueryError";
  return err;
}

describe("errors in logs never carry what a user typed", () => {
  it("keeps the class, the query shape, the SQLSTATE and the constraint", () => {
    const fields = errorFields(queryError([SECRET])).err as Record<string, unknown>;
    expect(fields).toMatchObject({ type: "DrizzleQueryError", causeCode: "23514", causeConstraint: "patients_email_check", causeTable: "patients" });
    expect(fields.message).toBe('Failed query: insert into "patients" ("email") values ($1)\nparams: [redacted]');
    expect(JSON.stringify(fields)).not.toContain(SECRET);
  });

  it("is not fooled by a parameter that looks like a stack frame", () => {
    const err = queryError([`x\n    at ${SECRET} (evil.js:1:1)`]);
    expect(JSON.stringify(errorFields(err))).not.toContain(SECRET);
    expect(describeError(err)).not.toContain(SECRET);
    expect(describeError(err)).toContain("code 23514");
  });

  it("prints uncaught errors through the same filter once the console is redacted", () => {
    const printed: unknown[][] = [];
    const target = { error: (...args: unknown[]) => printed.push(args), warn: (...args: unknown[]) => printed.push(args) };
    redactConsoleErrors(target);
    target.error("Error in server action", queryError([SECRET]));
    target.warn(`Failed query: select 1\nparams: ${SECRET}`);
    expect(printed).toHaveLength(2);
    expect(JSON.stringify(printed)).not.toContain(SECRET);
    expect(String(printed[0]![1])).toContain("DrizzleQueryError");
  });
});
