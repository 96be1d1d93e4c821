import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { afterEach, describe, expect, it, vi } from "vitest";
import { PEER_ADDRESS_HEADER, clientIp, normalizeIp } from "./ip";

const h = (peer: string | null, xff?: string) => new Headers({ ...(peer === null ? {} : { [PEER_ADDRESS_HEADER]: peer }), ...(xff === undefined ? {} : { "x-forwarded-for": xff }) });

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("clientIp with no trusted proxy (the default)", () => {
  it("is the socket's address; a spoofed X-Forwarded-For changes nothing", () => {
    expect(clientIp(h("203.0.113.7"))).toBe("203.0.113.7");
    expect(clientIp(h("203.0.113.7", "6.6.6.6"))).toBe("203.0.113.7");
    expect(clientIp(h("203.0.113.7", "6.6.6.6, 7.7.7.7"))).toBe("203.0.113.7");
    expect(clientIp(h("::ffff:203.0.113.7", "6.6.6.6"))).toBe("203.0.113.7");
  });

  it("rotating spoofed addresses all count as the one real client", () => {
    const seen = new Set(Array.from({ length: 23 }, (_, i) => clientIp(h("198.51.100.9", `10.0.0.${i}`))));
    expect([...seen]).toEqual(["198.51.100.9"]);
  });

  it("says unknown outside the patched server", () => {
    expect(clientIp(h(null, "6.6.6.6"))).toBe("unknown");
  });
});

describe("clientIp behind trusted proxies", () => {
  it("takes the address the outermost trusted proxy appended, not what the client claimed", () => {
    vi.stubEnv("TRUSTED_PROXY_HOPS", "1");
    // Client claims 6.6.6.6; the balancer (the peer, 10.0.0.2) appended the real 203.0.113.7.
    expect(clientIp(h("10.0.0.2", "6.6.6.6, 203.0.113.7"))).toBe("203.0.113.7");
    vi.stubEnv("TRUSTED_PROXY_HOPS", "2");
    expect(clientIp(h("10.0.0.3", "6.6.6.6, 203.0.113.7, 10.0.0.2"))).toBe("203.0.113.7");
  });

  it("falls back to the furthest entry there is when the chain is short", () => {
    vi.stubEnv("TRUSTED_PROXY_HOPS", "1");
    expect(clientIp(h("203.0.113.7"))).toBe("203.0.113.7");
  });

  it("refuses nonsense in TRUSTED_PROXY_HOPS, naming the variable (the server does not start with it)", () => {
    for (const bad of ["-1", "abc", "1.5", "11"]) {
      vi.stubEnv("TRUSTED_PROXY_HOPS", bad);
      expect(() => clientIp(h("203.0.113.7", "6.6.6.6"))).toThrow(/TRUSTED_PROXY_HOPS/);
    }
  });

  it("says unknown for garbage", () => {
    vi.stubEnv("TRUSTED_PROXY_HOPS", "1");
    expect(clientIp(h("10.0.0.2", "not-an-ip"))).toBe("unknown");
    expect(clientIp(h("10.0.0.2", "999.1.1.1"))).toBe("unknown");
  });
});

describe("normalizeIp", () => {
  it("unwraps IPv4-mapped IPv6 and brackets", () => {
    expect(normalizeIp("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(normalizeIp("[2001:db8::1]")).toBe("2001:db8::1");
    expect(normalizeIp("2001:DB8::1")).toBe("2001:db8::1");
  });
});

describe("the Next server patch", () => {
  it("is applied: the router sets the peer header from the socket on every request", () => {
    const source = readFileSync(createRequire(import.meta.url).resolve("next/dist/server/lib/router-server.js"), "utf8");
    expect(source).toContain(`req.headers['${PEER_ADDRESS_HEADER}'] = req.socket && req.socket.remoteAddress || '';`);
  });
});
