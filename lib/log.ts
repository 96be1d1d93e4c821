import { env } from "@/lib/env";
import pino from "pino";
import { isConnectionError } from "@/db/errors";

/**
 * Structured JSON logs. Never log passwords, tokens or what a patient typed: log ids and outcomes.
 * The redact list is a safety net for mistakes, not a licence to pass whole request bodies.
 */
export const logger = pino({
  level: env().LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
  base: { app: "backline" },
  redact: {
    paths: [
      "password",
      "*.password",
      "passwordHash",
      "*.passwordHash",
      "token",
      "*.token",
      "authorization",
      "*.authorization",
      "cookie",
      "*.cookie",
      "headers.cookie",
      "headers.authorization",
      "intake",
      "*.intake",
      "notes",
      "*.notes",
      "body",
      "*.body",
    ],
    censor: "[redacted]",
  },
  timestamp: pino.stdTimeFunctions.isoTime,
});

export function requestLogger(requestId: string | null | undefined) {
  return requestId ? logger.child({ requestId }) : logger;
}

// Drizzle ends its query errors with "\nparams: ..." (what a user typed), and PostgreSQL's own messages
// and details can quote values ("Failing row contains (...)", "invalid input syntax ...: \"...\"").
// Errors are therefore described from their class, SQLSTATE and constraint, never their values.
const PARAMS = /\nparams: [\s\S]*$/;

const withoutParams = (text: string) => text.replace(PARAMS, "\nparams: [redacted]");
const safeMessage = (err: Error) => withoutParams(err.message);

/** The stack's frames under a message without parameters (a parameter may itself look like a frame). */
function safeStack(err: Error): string {
  const stack = err.stack ?? "";
  const head = `${err.name}: ${err.message}`;
  const frames = stack.startsWith(head)
    ? stack.slice(head.length)
    : stack
        .split("\n")
        .filter((line) => /^\s+at /.test(line))
        .map((line) => `\n${line}`)
        .join("");
  return `${err.name}: ${safeMessage(err)}${frames.replace(PARAMS, "")}`;
}

type CauseLike = { code?: unknown; message?: unknown; constraint_name?: unknown; table_name?: unknown };

/** For errors: the class, message and SQLSTATE, never the input that caused it. */
export function errorFields(err: unknown): Record<string, unknown> {
  if (err instanceof Error) {
    const cause = (err.cause ?? undefined) as CauseLike | undefined;
    return {
      err: {
        type: err.name,
        message: safeMessage(err),
        stack: safeStack(err),
        causeCode: cause?.code,
        causeConstraint: cause?.constraint_name,
        causeTable: cause?.table_name,
        // A lost connection's message ("terminating connection ...") holds no input; others may.
        causeMessage: typeof cause?.message === "string" && isConnectionError(err) ? cause.message : undefined,
      },
    };
  }
  return { err: { type: typeof err } };
}

/** One line per error for console output: safe to print, whatever the error carried. */
export function describeError(err: Error): string {
  const f = errorFields(err).err as { stack: string; causeCode?: unknown; causeConstraint?: unknown };
  const extra = [f.causeCode && `code ${String(f.causeCode)}`, f.causeConstraint && `constraint ${String(f.causeConstraint)}`].filter(Boolean).join(", ");
  return extra ? `${f.stack}\n  (${extra})` : f.stack;
}

/**
 * Next.js prints errors nobody caught (a page or an action that threw) with console.error, including
 * Drizzle's "params:" and PostgreSQL's details. In the server process every Error given to console.error
 * or console.warn is printed through describeError instead. Installed once by instrumentation.ts.
 */
export function redactConsoleErrors(target: Pick<Console, "error" | "warn"> = console): void {
  for (const level of ["error", "warn"] as const) {
    const original = target[level].bind(target);
    target[level] = (...args: unknown[]) => original(...args.map((a) => (a instanceof Error ? describeError(a) : typeof a === "string" ? withoutParams(a) : a)));
  }
}
