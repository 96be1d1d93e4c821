/**
 * The public address of the app for links in emails and calendar files: APP_URL when set (production,
 * behind a balancer), otherwise the address the request came in on.
 */
export function appBaseUrl(headers?: Headers | null): string {
  if (process.env.APP_URL) return process.env.APP_URL.replace(/\/+$/, "");
  const host = headers?.get("x-forwarded-host") ?? headers?.get("host");
  if (host && /^[\w.-]+(:\d+)?$/.test(host)) {
    const proto = headers?.get("x-forwarded-proto") === "https" ? "https" : "http";
    return `${proto}://${host}`;
  }
  return "http://localhost:3000";
}
