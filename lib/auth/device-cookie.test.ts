import { describe, expect, it } from "vitest";
import { deviceCookieFromHeader, deviceEntryFor, parseDeviceCookie, withDeviceEntry } from "./device-cookie";

const A = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";
const B = "3f2504e0-4f89-41d3-9a0c-0305e82c3302";

describe("device cookies", () => {
  it("name the account a browser signed in to, with a fresh nonce each time", () => {
    const first = withDeviceEntry(null, A);
    expect(deviceEntryFor(first, A)).toMatchObject({ userId: A });
    expect(deviceEntryFor(first, B)).toBeNull();
    const again = withDeviceEntry(first, A);
    expect(deviceEntryFor(again, A)!.nonce).not.toBe(deviceEntryFor(first, A)!.nonce);
    expect(parseDeviceCookie(again)).toHaveLength(1);
  });

  it("keep up to five accounts on one browser, newest first", () => {
    let value: string | null = null;
    const ids = Array.from({ length: 7 }, (_, i) => `3f2504e0-4f89-41d3-9a0c-0305e82c33${String(10 + i)}`);
    for (const id of ids) value = withDeviceEntry(value, id);
    expect(parseDeviceCookie(value).map((e) => e.userId)).toEqual(ids.slice(2).reverse());
  });

  it("cannot be forged: a changed account, nonce or signature, or a made-up entry, counts for nothing", () => {
    const value = withDeviceEntry(null, A);
    const [, nonce, mac] = value.split(".");
    expect(deviceEntryFor(`${B}.${nonce}.${mac}`, B)).toBeNull();
    expect(deviceEntryFor(`${A}.${"x".repeat(22)}.${mac}`, A)).toBeNull();
    expect(deviceEntryFor(`${A}.${nonce}.${"A".repeat(43)}`, A)).toBeNull();
    expect(parseDeviceCookie("garbage~more.garbage")).toEqual([]);
    expect(parseDeviceCookie("x".repeat(5000))).toEqual([]);
  });

  it("are read from a Cookie header", () => {
    const value = withDeviceEntry(null, A);
    expect(deviceCookieFromHeader(`a=1; backline.device=${encodeURIComponent(value)}; b=2`)).toBe(value);
    expect(deviceCookieFromHeader("a=1")).toBeNull();
    expect(deviceCookieFromHeader(null)).toBeNull();
  });
});
