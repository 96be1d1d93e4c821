/** SQLSTATE of a database error; drizzle wraps driver errors, so look through `cause` too. */
export function pgErrorCode(err: unknown): string | undefined {
  let current: unknown = err;
  for (let depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

export const PG = {
  uniqueViolation: "23505",
  foreignKeyViolation: "23503",
  checkViolation: "23514",
  exclusionViolation: "23P01",
  deadlock: "40P01",
  serializationFailure: "40001",
} as const;

/** Socket and driver codes for a connection that broke or could not be made (Node, postgres.js). */
const CONNECTION_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ECONNABORTED",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
]);

/** Errors that mean "the database is not there right now" rather than "your input is wrong". */
export function isConnectionError(err: unknown): boolean {
  const code = pgErrorCode(err);
  if (code && (code.startsWith("08") || code === "57P01" || code === "57P02" || code === "57P03")) return true;
  let current: unknown = err;
  for (let depth = 0; current && depth < 5; depth++) {
    const c = (current as { code?: unknown }).code;
    if (typeof c === "string" && CONNECTION_CODES.has(c)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/** The hands-on gate's database backstop refused a change (migration 0012, appointments_hands_on_gate). */
export function isHandsOnGateViolation(err: unknown): boolean {
  if (pgErrorCode(err) !== PG.checkViolation) return false;
  let current: unknown = err;
  for (let depth = 0; current && depth < 5; depth++) {
    const e = current as { constraint_name?: unknown; constraint?: unknown; message?: unknown };
    if (e.constraint_name === "appointments_hands_on_gate" || e.constraint === "appointments_hands_on_gate") return true;
    if (typeof e.message === "string" && e.message.startsWith("hands_on_gate:")) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/** A unique index refused a row; with `constraint`, only that index (PGlite names it constraint_name, postgres.js constraint). */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  if (pgErrorCode(err) !== PG.uniqueViolation) return false;
  if (!constraint) return true;
  let current: unknown = err;
  for (let depth = 0; current && depth < 5; depth++) {
    const e = current as { constraint_name?: unknown; constraint?: unknown };
    if (e.constraint_name === constraint || e.constraint === constraint) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
