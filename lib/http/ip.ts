import { env } from "@/lib/env";
/**
 * The client's address, for rate limits and the audit trail.
 *
 * It starts from the TCP peer: Next is patched (patches/next+16.4.6.patch) to put the socket's remote
 * address in PEER_ADDRESS_HEADER on every request, replacing any copy a client sent. Next's own
 * X-Forwarded-For is no help here: it is filled from the socket only when the client sent none, so a
 * client could name any address it liked.
 *
 * TRUSTED_PROXY_HOPS (default 0) says how many proxies in front of Next append to X-Forwarded-For:
 *   0 — Next is exposed directly; the peer is the client and X-Forwarded-For is ignored.
 *   n — the peer is the nearest proxy; walking n entries left through [...X-Forwarded-For, peer] gives the
 *       address the outermost trusted proxy saw. Entries further left are what the client claimed.
 */
export const PEER_ADDRESS_HEADER = "x-backline-peer-address";

export function trustedProxyHops(): number {
  return env().TRUSTED_PROXY_HOPS;
}

export function clientIp(headers: Headers): string {
  const peer = headers.get(PEER_ADDRESS_HEADER);
  // Only a request that did not come through the (patched) server lacks it: jobs, scripts, tests.
  if (peer === null) return "unknown";
  const hops = trustedProxyHops();
  if (hops === 0) return normalizeIp(peer);
  const chain = [
    ...(headers.get("x-forwarded-for") ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
    peer,
  ];
  return normalizeIp(chain[Math.max(0, chain.length - 1 - hops)]!);
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
