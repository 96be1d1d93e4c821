import type { NextConfig } from "next";
import { PHASE_PRODUCTION_SERVER } from "next/constants";
import { ensureLocalAuthSecret } from "./lib/auth/local-secret";
import { assertAppUrlConfigured } from "./lib/http/base-url";
import { bodyLimitBytes } from "./lib/http/body-limit";
import { API_SECURITY_HEADERS, STATIC_SECURITY_HEADERS } from "./lib/http/security-headers";

// With the embedded database (a newcomer's machine) there is no AUTH_SECRET to configure: one is made
// once and kept beside the data in .data/. A real deployment (DATABASE_URL) must set AUTH_SECRET.
ensureLocalAuthSecret();

const nextConfig: NextConfig = {
  // PGlite loads its WASM and extension bundles from its own package folder at run time;
  // bundling it breaks that ("Extension bundle not found ... btree_gist").
  serverExternalPackages: ["@electric-sql/pglite", "postgres", "pino", "@node-rs/argon2"],
  poweredByHeader: false,
  async headers() {
    return [
      { source: "/:path*", headers: STATIC_SECURITY_HEADERS },
      { source: "/api/v1/:path*", headers: API_SECURITY_HEADERS },
      { source: "/api/health", headers: API_SECURITY_HEADERS },
    ];
  },
  experimental: {
    // Lets pages call forbidden() so a signed-in user in the wrong area gets a real 403 page.
    authInterrupts: true,
    // The same bound as route handlers (lib/http/body.ts); proxy.ts answers 413 by Content-Length first.
    serverActions: { bodySizeLimit: bodyLimitBytes() },
  },
};

/**
 * `next start` refuses to run without APP_URL (the clinic's own address, the only host links point at);
 * `next build` does not need it.
 */
export default function config(phase: string): NextConfig {
  if (phase === PHASE_PRODUCTION_SERVER) assertAppUrlConfigured();
  return nextConfig;
}
