import { describe, expect, it } from "vitest";
import { isConnectionError, pgErrorCode } from "./errors";

const wrapped = (cause: object) => Object.assign(new Error("Failed query: select 1\nparams: "), { cause });

describe("database error classification", () => {
  it("finds the SQLSTATE through drizzle's wrapper", () => {
    expect(pgErrorCode(wrapped({ code: "23P01" }))).toBe("23P01");
    expect(pgErrorCode(new Error("plain"))).toBeUndefined();
  });

  it.each(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "CONNECTION_CLOSED", "CONNECT_TIMEOUT", "57P01", "57P03", "08006"])("treats %s as the database being unavailable", (code) => {
    expect(isConnectionError(wrapped({ code }))).toBe(true);
  });

  it("does not treat input errors as unavailability", () => {
    for (const code of ["23505", "23P01", "22P02", "42601"]) expect(isConnectionError(wrapped({ code }))).toBe(false);
  });
});
