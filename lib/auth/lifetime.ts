/**
 * Session lifetimes (all configurable): every sign-in ends 12 hours after it began; staff, practitioners
 * and admins are signed out after 15 minutes without a request, patients after 30.
 */
const minutes = (name: string, fallback: number) => {
  const n = Number(process.env[name]);
  return Number.isFinite(n) && n > 0 ? n : fallback;
};

export const SESSION_MAX_AGE_SECONDS = minutes("SESSION_MAX_HOURS", 12) * 3600;
export const IDLE_MINUTES = {
  patient: minutes("SESSION_IDLE_MINUTES_PATIENT", 30),
  staff: minutes("SESSION_IDLE_MINUTES_STAFF", 15),
} as const;

/**
 * Secure cookies (HTTPS only, with the __Host- prefix) whenever the app is served over HTTPS: APP_URL
 * or AUTH_URL says so, or COOKIE_SECURE=1 forces it. Plain-HTTP development and test servers use
 * unprefixed cookies, which browsers would otherwise refuse to send back.
 */
export function secureCookies(): boolean {
  if (process.env.COOKIE_SECURE) return process.env.COOKIE_SECURE === "1";
  return [process.env.APP_URL, process.env.AUTH_URL].some((u) => u?.startsWith("https://"));
}

export const SESSION_COOKIE = () => (secureCookies() ? "__Host-backline.session" : "backline.session");
