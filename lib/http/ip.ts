/**
 * The client's address as the nearest trusted proxy saw it. Behind a load balancer that appends to
 * X-Forwarded-For, the right-most entries are the ones proxies added; TRUSTED_PROXY_HOPS says how many
 * proxies sit in front of Next (default 1: the balancer, or Next itself, which sets the header to the
 * socket address when it is absent). Entries further left are whatever the client sent and are ignored.
 */
export function clientIp(headers: Headers): string {
  const hops = Math.max(1, Number(process.env.TRUSTED_PROXY_HOPS ?? 1) || 1);
  const chain = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const candidate = chain[Math.max(0, chain.length - hops)] ?? headers.get("x-real-ip") ?? "";
  return normalizeIp(candidate);
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const IPV6 = /^[0-9a-f:]+(%\w+)?$/i;

/** A valid IPv4/IPv6 literal (IPv4-mapped IPv6 unwrapped), or "unknown". */
export function normalizeIp(raw: string): string {
  let ip = raw.trim();
  if (ip.startsWith("[") && ip.includes("]")) ip = ip.slice(1, ip.indexOf("]"));
  if (ip.toLowerCase().startsWith("::ffff:") && IPV4.test(ip.slice(7))) ip = ip.slice(7);
  const v4 = IPV4.exec(ip);
  if (v4) return v4.slice(1).every((o) => Number(o) <= 255) ? ip : "unknown";
  if (ip.includes(":") && IPV6.test(ip)) return ip.split("%")[0]!.toLowerCase();
  return "unknown";
}

/** For inet columns: null instead of "unknown". */
export function ipOrNull(ip: string): string | null {
  return ip === "unknown" ? null : ip;
}
