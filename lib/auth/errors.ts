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
