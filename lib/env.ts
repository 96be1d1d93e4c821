import { z } from "zod";

/**
 * Every environment variable the app reads, validated by one zod schema. `instrumentation.ts` checks the
 * whole environment when the server starts, so a bad value stops `next start` with a message naming the
 * variable instead of being half-used later; code reads typed values through `env()`. The README's
 * configuration table is checked against this list (lib/env.test.ts).
 *
 * `env()` re-reads only when the process environment changed (tests stub variables); a running server's
 * environment does not change, so it is parsed once.
 */

const positiveInt = (fallback: number) =>
  z
    .string()
    .optional()
    .transform((v) => (v === undefined || v.trim() === "" ? fallback : Number(v)))
    .pipe(z.number({ message: "must be a number" }).int("must be a whole number").positive("must be more than 0"));

const wholeInt = (fallback: number, max: number) =>
  z
    .string()
    .optional()
    .transform((v) => (v === undefined || v.trim() === "" ? fallback : Number(v)))
    .pipe(z.number({ message: "must be a number" }).int("must be a whole number").min(0, "must be 0 or more").max(max, `must be at most ${max}`));

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? undefined : v));

const flag = z
  .enum(["0", "1", ""], { message: "must be 1 or 0" })
  .optional()
  .transform((v) => (v === "1" ? true : v === "0" ? false : undefined));

export const ENV_SCHEMA = z.object({
  DATABASE_URL: optionalText.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL")
      .optional(),
  ),
  PGLITE_DIR: optionalText,
  AUTH_SECRET: optionalText,
  DATABASE_POOL_SIZE: positiveInt(10),
  TRUSTED_PROXY_HOPS: wholeInt(0, 10),
  SIGNIN_MAX_FAILURES: positiveInt(10),
  DEVICE_COOKIE_DAYS: positiveInt(180),
  SIGNIN_WINDOW_SECONDS: positiveInt(900),
  SIGNIN_LOCK_SECONDS: positiveInt(900),
  PUBLIC_RATE_LIMIT_PER_MINUTE: positiveInt(20),
  APP_URL: optionalText,
  SMTP_URL: optionalText.pipe(
    z
      .string()
      .regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL")
      .optional(),
  ),
  MAIL_FROM: optionalText.transform((v) => v ?? "Backline clinic <no-reply@backline.example>"),
  BOOKING_VERIFY_MINUTES: positiveInt(30),
  BOOKING_HORIZON_DAYS: positiveInt(90),
  WAITLIST_HOLD_MINUTES: positiveInt(120),
  SLOT_STEP_MINUTES: positiveInt(15),
  REQUEST_BODY_LIMIT_KB: positiveInt(64),
  JOBS_DISABLED: flag.transform((v) => v === true),
  API_RATE_LIMIT_PER_MINUTE: positiveInt(120),
  INVITE_LINK_DAYS: positiveInt(7),
  PASSWORD_RESET_MINUTES: positiveInt(60),
  SESSION_IDLE_MINUTES_STAFF: positiveInt(15),
  SESSION_IDLE_MINUTES_PATIENT: positiveInt(30),
  SESSION_MAX_HOURS: positiveInt(12),
  COOKIE_SECURE: flag,
  AUTH_URL: optionalText,
  LOG_LEVEL: z.enum(["trace", "debug", "info", "warn", "error", "fatal", "silent"], { message: "must be debug, info, warn, error or silent" }).optional(),
  CHROMIUM_PATH: optionalText,
});

export type Env = z.infer<typeof ENV_SCHEMA>;
export const ENV_NAMES = Object.keys(ENV_SCHEMA.shape) as Array<keyof Env>;

export class EnvError extends Error {}

/** Parses an environment; throws EnvError naming every bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const raw = Object.fromEntries(ENV_NAMES.map((n) => [n, source[n]]));
  const parsed = ENV_SCHEMA.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${String(i.path[0])} ${i.message}`);
    throw new EnvError(`Backline cannot start: ${problems.join("; ")}.`);
  }
  return Object.freeze(parsed.data);
}

let memo: { key: string; value: Env } | null = null;

export function env(): Env {
  const key = ENV_NAMES.map((n) => process.env[n] ?? "\u0000").join("\u0001");
  if (memo?.key !== key) memo = { key, value: parseEnv(process.env) };
  return memo.value;
}
