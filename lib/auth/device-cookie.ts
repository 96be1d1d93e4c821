import { env } from "@/lib/env";
import { randomBytes } from "node:crypto";
import { macFor, verifyMac } from "@/lib/secrets";
import { secureCookies } from "./lifetime";

/**
 * Device cookies (OWASP, "Slow Down Online Guessing Attacks with Device Cookies"): a browser that signed
 * in to an account before carries a signed entry naming that account and a random nonce. Failed sign-ins
 * counted against the account — from anyone, anywhere — do not pause sign-in from such a browser; it is
 * limited on its own nonce instead. A browser without one still meets the per-account and per-address
 * limits. One cookie holds entries for up to five accounts (a shared family tablet).
 */
const PURPOSE = "device-cookie";
const MAX_ENTRIES = 5;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NONCE = /^[A-Za-z0-9_-]{22}$/;

export const DEVICE_COOKIE = () => (secureCookies() ? "__Host-backline.device" : "backline.device");

/** DEVICE_COOKIE_DAYS (default 180). */
export function deviceCookieMaxAgeSeconds(): number {
  return env().DEVICE_COOKIE_DAYS * 86_400;
}

export interface DeviceEntry {
  userId: string;
  nonce: string;
}

const sign = (e: DeviceEntry) => `${e.userId}.${e.nonce}.${macFor(PURPOSE, `${e.userId}.${e.nonce}`)}`;

/** The entries of a cookie value whose signatures hold; anything else is ignored. */
export function parseDeviceCookie(value: string | null | undefined): DeviceEntry[] {
  if (!value || value.length > 2000) return [];
  const entries: DeviceEntry[] = [];
  for (const part of value.split("~").slice(0, MAX_ENTRIES)) {
    const [userId, nonce, mac, extra] = part.split(".");
    if (extra !== undefined || !userId || !nonce || !mac || !UUID.test(userId) || !NONCE.test(nonce)) continue;
    if (verifyMac(PURPOSE, `${userId}.${nonce}`, mac)) entries.push({ userId: userId.toLowerCase(), nonce });
  }
  return entries;
}

/** This browser's entry for the account, when it signed in to it before. */
export function deviceEntryFor(value: string | null | undefined, userId: string): DeviceEntry | null {
  return parseDeviceCookie(value).find((e) => e.userId === userId.toLowerCase()) ?? null;
}

/** The cookie after a successful sign-in: a fresh nonce for this account first, the others kept. */
export function withDeviceEntry(value: string | null | undefined, userId: string): string {
  const fresh = { userId: userId.toLowerCase(), nonce: randomBytes(16).toString("base64url") };
  const others = parseDeviceCookie(value).filter((e) => e.userId !== fresh.userId);
  return [fresh, ...others].slice(0, MAX_ENTRIES).map(sign).join("~");
}

/** The device cookie's value from a Cookie request header. */
export function deviceCookieFromHeader(cookieHeader: string | null): string | null {
  if (!cookieHeader) return null;
  const name = DEVICE_COOKIE();
  for (const pair of cookieHeader.split(";")) {
    const eq = pair.indexOf("=");
    if (eq > 0 && pair.slice(0, eq).trim() === name) return decodeURIComponent(pair.slice(eq + 1).trim());
  }
  return null;
}
