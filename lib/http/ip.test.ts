import { afterEach, describe, expect, it } from "vitest";
import { clientIp, normalizeIp } from "./ip";

const h = (xff?: string) => new Headers(xff === undefined ? {} : { "x-forwarded-for": xff });

describe("clientIp", () => {
  afterEach(() => {
    delete process.env.TRUSTED_PROXY_HOPS;
  });

  it("takes the address the nearest proxy appended, not what the client claimed", () => {
    expect(clientIp(h("6.6.6.6, 203.0.113.7"))).toBe("203.0.113.7");
  });

  it("honours more trusted hops", () => {
    process.env.TRUSTED_PROXY_HOPS = "2";
    expect(clientIp(h("6.6.6.6, 203.0.113.7, 10.0.0.2"))).toBe("203.0.113.7");
  });

  it("says unknown for garbage or a missing header", () => {
    expect(clientIp(h())).toBe("unknown");
    expect(clientIp(h("not-an-ip"))).toBe("unknown");
    expect(clientIp(h("999.1.1.1"))).toBe("unknown");
  });

  it("unwraps IPv4-mapped IPv6 and brackets", () => {
    expect(normalizeIp("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(normalizeIp("[2001:db8::1]")).toBe("2001:db8::1");
    expect(normalizeIp("2001:DB8::1")).toBe("2001:db8::1");
  });
});
