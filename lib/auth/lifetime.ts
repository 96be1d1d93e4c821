import { env } from "@/lib/env";
/**
 * Session lifetimes (all configurable): every sign-in ends 12 hours after it began; staff, practitioners
 * and admins are signed out after 15 minutes without a request, patients after 30.
 */
export const SESSION_MAX_AGE_SECONDS = env().SESSION_MAX_HOURS * 3600;
export const IDLE_MINUTES = {
  patient: env().SESSION_IDLE_MINUTES_PATIENT,
  staff: env().SESSION_IDLE_MINUTES_STAFF,
} as const;

/**
 * Secure cookies (HTTPS only, with the __Host- prefix) whenever the app is served over HTTPS: APP_URL
 * or AUTH_URL says so, or COOKIE_SECURE=1 forces it. Plain-HTTP development and test servers use
 * unprefixed cookies, which browsers would otherwise refuse to send back.
 */
export function secureCookies(): boolean {
  const { COOKIE_SECURE, APP_URL, AUTH_URL } = env();
  if (COOKIE_SECURE !== undefined) return COOKIE_SECURE;
  return [APP_URL, AUTH_URL].some((u) => u?.startsWith("https://"));
}

export const SESSION_COOKIE = () => (secureCookies() ? "__Host-backline.session" : "backline.session");
