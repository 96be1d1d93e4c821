import { textOf, type Messages } from "@/lib/i18n";

/**
 * The one error model: an expected refusal is a DomainError with a stable `code` (what API clients and
 * tests read), a `key` naming its words in the catalog (lib/i18n/en.json, errors.<code>.<key>), and
 * optional field errors (field → catalog key under `fields`). Two adapters render it at the edge:
 * actionErrorOf (server actions) and httpErrorOf (route handlers).
 */
export type ErrorCode = keyof Messages["errors"];
export type FieldKey = keyof Messages["fields"];
type Params = Record<string, string | number>;

export interface DomainErrorOptions {
  params?: Params;
  /** Field → catalog key under `fields` (or, for schema errors, the words already rendered). */
  fields?: Partial<Record<string, FieldKey | { text: string }>>;
  /** Extra members of an HTTP answer's body (e.g. attemptsLeft, alternatives). */
  extra?: Record<string, unknown>;
  headers?: Record<string, string>;
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly key: string = "default",
    readonly options: DomainErrorOptions = {},
  ) {
    super(errorText(code, key, options.params));
    this.name = "DomainError";
  }

  get fields(): Record<string, string> | undefined {
    return fieldTexts(this.options.fields);
  }
}

/** HTTP status of each code; anything not listed is a 400. */
const HTTP_STATUS: Partial<Record<ErrorCode, number>> = {
  unauthenticated: 401,
  forbidden: 403,
  cross_site: 403,
  not_found: 404,
  unknown_service: 404,
  gone: 410,
  expired: 410,
  invalid_transition: 409,
  already_claimed: 409,
  already_on_agenda: 409,
  already_cleared: 409,
  hands_on_gate: 409,
  unverified: 409,
  slot_taken: 409,
  slot_unavailable: 409,
  cancelled: 409,
  past_cutoff: 409,
  has_account: 409,
  email_in_use: 409,
  idempotency_key_reused: 422,
  key_reused: 422,
  wrong_code: 422,
  payload_too_large: 413,
  too_large: 413,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

export const httpStatusOf = (code: ErrorCode) => HTTP_STATUS[code] ?? 400;

/** The words for a code (its `key`, else its default). */
export function errorText(code: ErrorCode, key = "default", params: Params = {}): string {
  return textOf(`errors.${code}.${key}`, params) ?? textOf(`errors.${code}.default`, params) ?? code;
}

function fieldTexts(fields: DomainErrorOptions["fields"]): Record<string, string> | undefined {
  if (!fields) return undefined;
  return Object.fromEntries(Object.entries(fields).flatMap(([name, f]) => (f ? [[name, typeof f === "string" ? (textOf(`fields.${f}`) ?? f) : f.text]] : [])));
}

/** A refusal as a server action result. */
export function actionError(code: ErrorCode, key = "default", options: DomainErrorOptions = {}) {
  return { ok: false as const, error: { code: code as string, message: errorText(code, key, options.params), ...(options.fields ? { fields: fieldTexts(options.fields) } : {}) } };
}

export const actionErrorOf = (err: DomainError) => actionError(err.code, err.key, err.options);

/** A refusal as an HTTP answer: status, JSON body and headers. */
export function httpErrorOf(err: DomainError) {
  const fields = err.fields;
  return {
    status: httpStatusOf(err.code),
    body: { error: { code: err.code, message: err.message, ...(fields ? { fields } : {}) }, ...err.options.extra },
    headers: err.options.headers ?? {},
  };
}
