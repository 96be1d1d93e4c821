/**
 * The clinic's own public address: the only host any link Backline hands out points at (emails, manage
 * links, calendar files, the iCal feed, background jobs). It is never read from a request: Host and
 * X-Forwarded-Host are whatever the sender put there, and a link built from them would let a stranger make
 * the clinic email a patient a real-looking link to another site.
 *
 * In production APP_URL is required: next.config.ts and instrumentation.ts refuse to start without it.
 * Development and tests without it use LOCAL_APP_URL.
 */
export const LOCAL_APP_URL = "http://localhost:3000";

export type AppUrlCheck = { ok: true; url: string } | { ok: false; problem: string };

/** APP_URL as an origin without a trailing slash, or why it cannot be used. */
export function checkAppUrl(raw: string | undefined = process.env.APP_URL): AppUrlCheck {
  const value = raw?.trim();
  if (!value) {
    return { ok: false, problem: "APP_URL is not set. Set it to the clinic's public address (e.g. APP_URL=https://clinic.example.com): every link in emails and calendar files is built from it." };
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { ok: false, problem: `APP_URL is not a URL (${JSON.stringify(value)}). Use the clinic's public address, e.g. https://clinic.example.com.` };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return { ok: false, problem: "APP_URL must start with https:// (or http:// for a local server)." };
  if (url.username || url.password || url.search || url.hash || url.pathname !== "/") {
    return { ok: false, problem: "APP_URL must be an address only (scheme, host and optional port), without a path, query or credentials." };
  }
  return { ok: true, url: url.origin };
}

/** Throws with a clear message when a production server has no usable APP_URL. */
export function assertAppUrlConfigured(): void {
  if (process.env.NODE_ENV !== "production") return;
  const check = checkAppUrl();
  if (!check.ok) throw new Error(`Backline cannot start: ${check.problem}`);
}

/** The base of every absolute link, e.g. "https://clinic.example.com". */
export function appBaseUrl(): string {
  const check = checkAppUrl();
  if (check.ok) return check.url;
  // Unreachable in a started production server (checked at start), but never fall back to a guess there.
  if (process.env.NODE_ENV === "production") throw new Error(check.problem);
  return LOCAL_APP_URL;
}
