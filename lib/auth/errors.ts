import { DomainError } from "@/lib/errors";

/** Thrown by requireApiUser/requireApiRole: a DomainError (401/403 JSON in route handlers, { ok: false } in actions). */
export class AccessDenied extends DomainError {
  constructor(
    readonly status: 401 | 403,
    code: "unauthenticated" | "forbidden",
  ) {
    super(code);
    this.name = "AccessDenied";
  }
}

/** next-auth's CredentialsSignin (or a subclass), recognised without importing next-auth. */
export function credentialsErrorCode(err: unknown): string | null {
  if (err instanceof Error && (err as { type?: unknown }).type === "CredentialsSignin") {
    const code = (err as { code?: unknown }).code;
    return typeof code === "string" ? code : "credentials";
  }
  return null;
}
