import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";

/**
 * Keys derived from AUTH_SECRET, one per purpose (HKDF), so a manage link can never be replayed as a
 * calendar feed token or the other way round.
 */
function rootSecret(): string {
  const secret = process.env.AUTH_SECRET;
  if (secret) return secret;
  if (process.env.NODE_ENV === "test") return "test-only-secret-never-used-in-production";
  throw new Error("AUTH_SECRET is not set");
}

const keys = new Map<string, Buffer>();
function keyFor(purpose: string): Buffer {
  const cacheKey = `${purpose}|${rootSecret()}`;
  let key = keys.get(cacheKey);
  if (!key) {
    key = Buffer.from(hkdfSync("sha256", rootSecret(), "backline", purpose, 32));
    keys.set(cacheKey, key);
  }
  return key;
}

/** `${id}.${mac}`: 256-bit HMAC over the id for one purpose. */
export function signId(purpose: string, id: string): string {
  return `${id}.${createHmac("sha256", keyFor(purpose)).update(id).digest("base64url")}`;
}

/** The id inside a token made by signId, or null; compares the MAC in constant time. */
export function verifySignedId(purpose: string, token: string): string | null {
  const dot = token.lastIndexOf(".");
  if (dot <= 0) return null;
  const id = token.slice(0, dot);
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const given = Buffer.from(token.slice(dot + 1), "base64url");
  const expected = createHmac("sha256", keyFor(purpose)).update(id).digest();
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return id;
}

/** HMAC-SHA-256 of any value under one purpose's key, base64url (for signed values that are not ids). */
export function macFor(purpose: string, value: string): string {
  return createHmac("sha256", keyFor(purpose)).update(value).digest("base64url");
}

/** Whether `mac` is macFor(purpose, value), compared in constant time. */
export function verifyMac(purpose: string, value: string, mac: string): boolean {
  const given = Buffer.from(mac, "base64url");
  const expected = createHmac("sha256", keyFor(purpose)).update(value).digest();
  return given.length === expected.length && timingSafeEqual(given, expected);
}
