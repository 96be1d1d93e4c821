import pino from "pino";

/**
 * Structured JSON logs. Never log passwords, tokens or what a patient typed: log ids and outcomes.
 * The redact list is a safety net for mistakes, not a licence to pass whole request bodies.
 */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
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

// Drizzle puts the bound parameters (what a user typed) into its error messages: cut them off.
const withoutParams = (text: string | undefined) => text?.replace(/\nparams: [\s\S]*?(?=\n    at |$)/, "\nparams: [redacted]");

/** For errors: the class, message and SQLSTATE, never the input that caused it. */
export function errorFields(err: unknown): Record<string, unknown> {
  if (err instanceof Error) {
    const cause = err.cause as { code?: unknown; message?: unknown } | undefined;
    return {
      err: {
        type: err.name,
        message: withoutParams(err.message),
        stack: withoutParams(err.stack),
        causeCode: cause?.code,
        causeMessage: typeof cause?.message === "string" ? cause.message : undefined,
      },
    };
  }
  return { err: { type: typeof err } };
}
