import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { auth } from "./next-auth";
import { AccessDenied } from "./errors";
import type { Role } from "./roles";
import { loadSessionUser, type CurrentUser } from "./sessions";

export type { CurrentUser } from "./sessions";
export { AccessDenied } from "./errors";

/**
 * The one place that says who is asking. Every page, server action and route handler outside the public
 * ones calls one of these; proxy.ts only redirects early and is never the only check.
 *
 * The session cookie carries a session id; the database decides whether that session is still live
 * (sign-out, password change and disabling end it at once, on every instance).
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await auth();
  const sid = session?.sid;
  if (!sid) return null;
  return loadSessionUser(getDb(), sid);
});

/** Pages: a visitor who is not signed in goes to /login and comes back afterwards. */
export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) {
    const path = (await headers()).get("x-backline-path") ?? "/";
    redirect(`/login?next=${encodeURIComponent(path)}`);
  }
  return user;
}

/** Pages: signed in with another role gets the 403 page. */
export async function requireRole(...roles: Role[]): Promise<CurrentUser> {
  const user = await requireUser();
  if (!roles.includes(user.role)) forbidden();
  return user;
}

/** Route handlers and server actions: throws AccessDenied (401) instead of redirecting. */
export async function requireApiUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) throw new AccessDenied(401, "unauthenticated");
  return user;
}

/** Route handlers and server actions: throws AccessDenied (401 or 403). */
export async function requireApiRole(...roles: Role[]): Promise<CurrentUser> {
  const user = await requireApiUser();
  if (!roles.includes(user.role)) throw new AccessDenied(403, "forbidden");
  return user;
}
