/** Thrown by requireApiUser/requireApiRole; route handlers answer 401/403 JSON, actions { ok: false }. */
export class AccessDenied extends Error {
  constructor(
    readonly status: 401 | 403,
    readonly code: "unauthenticated" | "forbidden",
  ) {
    super(code === "unauthenticated" ? "Sign in to continue." : "You do not have access to this.");
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
