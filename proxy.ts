import NextAuth from "next-auth";
import { NextResponse } from "next/server";
import { authConfig } from "@/lib/auth/config";
import { areaOf } from "@/lib/auth/roles";
import { contentSecurityPolicy } from "@/lib/http/security-headers";
import { validRequestId } from "@/lib/http/request-id";
import { bodyLimitBytes, declaredTooLarge } from "@/lib/http/body-limit";

const { auth } = NextAuth(authConfig);

/**
 * Runs before every page and route handler: gives the request an id (for logs and the audit trail) and
 * sends visitors without a session cookie to /login early. It never grants access: pages, actions and
 * handlers check the user again on the server (lib/auth).
 */
export default auth((req) => {
  const requestId = validRequestId(req.headers.get("x-request-id")) ?? crypto.randomUUID();
  const path = req.nextUrl.pathname + req.nextUrl.search;

  // A body over the limit is refused by what it declares, before anyone reads it (server actions, sign-in).
  if (req.method !== "GET" && req.method !== "HEAD" && declaredTooLarge(req.headers)) {
    const res = NextResponse.json(
      { error: { code: "payload_too_large", message: `The request body is larger than ${Math.round(bodyLimitBytes() / 1024)} kB.` } },
      { status: 413, headers: { "x-request-id": requestId, connection: "close" } },
    );
    return res;
  }

  if (!req.auth && areaOf(req.nextUrl.pathname) && req.method === "GET") {
    const login = new URL("/login", req.nextUrl);
    login.searchParams.set("next", path);
    const res = NextResponse.redirect(login);
    res.headers.set("x-request-id", requestId);
    return res;
  }

  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development", https: req.nextUrl.protocol === "https:" });
  const headers = new Headers(req.headers);
  headers.set("x-request-id", requestId);
  headers.set("x-backline-path", path);
  headers.set("x-nonce", nonce);
  // Next reads the nonce from the request's CSP header and puts it on its own scripts.
  headers.set("content-security-policy", csp);
  const res = NextResponse.next({ request: { headers } });
  res.headers.set("x-request-id", requestId);
  res.headers.set("content-security-policy", csp);
  return res;
});

// Not for static files, nor for the public JSON API and the health check: those carry no session and no
// page, and skipping the proxy saves about a millisecond per call (apiRoute gives them a request id).
export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|robots.txt|api/v1/|api/health).*)"],
};
