import { afterEach, describe, expect, it, vi } from "vitest";
import { LOCAL_APP_URL, appBaseUrl, assertAppUrlConfigured, checkAppUrl } from "./base-url";

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("appBaseUrl", () => {
  it("is APP_URL as an origin, whatever the request said", () => {
    vi.stubEnv("APP_URL", "https://clinic.example.com/");
    expect(appBaseUrl()).toBe("https://clinic.example.com");
  });

  it("uses the fixed local address in development and tests without APP_URL", () => {
    vi.stubEnv("APP_URL", "");
    vi.stubEnv("NODE_ENV", "development");
    expect(appBaseUrl()).toBe(LOCAL_APP_URL);
  });

  it("never guesses in production", () => {
    vi.stubEnv("APP_URL", "");
    vi.stubEnv("NODE_ENV", "production");
    expect(() => appBaseUrl()).toThrow(/APP_URL/);
  });
});

describe("the start-up check", () => {
  it("refuses a production server without APP_URL, saying what to set", () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("APP_URL", "");
    expect(() => assertAppUrlConfigured()).toThrow(/cannot start: APP_URL is not set.*https:\/\/clinic\.example\.com/);
  });

  it("refuses an APP_URL that is not a bare address", () => {
    vi.stubEnv("NODE_ENV", "production");
    for (const bad of ["clinic.example.com", "ftp://clinic.example.com", "https://user:pw@clinic.example.com", "https://clinic.example.com/app", "https://clinic.example.com/?x=1"]) {
      vi.stubEnv("APP_URL", bad);
      expect(() => assertAppUrlConfigured(), bad).toThrow(/APP_URL/);
    }
  });

  it("accepts a production server with APP_URL, and development without it", () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("APP_URL", "https://clinic.example.com:8443");
    expect(() => assertAppUrlConfigured()).not.toThrow();
    expect(checkAppUrl()).toEqual({ ok: true, url: "https://clinic.example.com:8443" });
    vi.stubEnv("NODE_ENV", "development");
    vi.stubEnv("APP_URL", "");
    expect(() => assertAppUrlConfigured()).not.toThrow();
  });
});
