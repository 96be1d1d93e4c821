import type { ZodError } from "zod";

/** What every server action returns; forms map `fields` onto their inputs with setError. */
export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string; fields?: Record<string, string> } };

export function fieldErrorsOf(error: ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_";
    fields[key] ??= issue.message;
  }
  return fields;
}

/** Schema (zod) field errors in the shape DomainError options take: the words are the schema's own. */
export function schemaFields(error: ZodError): Record<string, { text: string }> {
  return Object.fromEntries(Object.entries(fieldErrorsOf(error)).map(([k, v]) => [k, { text: v }]));
}
