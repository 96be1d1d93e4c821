import { NextRequest } from "next/server";
import { signInLock } from "@/lib/auth/credentials";
import { deviceCookieFromHeader } from "@/lib/auth/device-cookie";
import { handlers } from "@/lib/auth/next-auth";
import { errorResponse } from "@/lib/http/api";
import { DomainError } from "@/lib/errors";
import { readBodyText } from "@/lib/http/body";
import { clientIp } from "@/lib/http/ip";
import { retryAfterSeconds } from "@/lib/rate-limit";

export const { GET } = handlers;

/**
 * next-auth's endpoints. The body is read within the size limit (413 past it). A credentials sign-in
 * while it is paused for this browser (the account and the address, or a known browser's own device
 * cookie) answers 429 with Retry-After before next-auth sees it (the sign-in form says the same in words).
 */
export async function POST(req: NextRequest) {
  let body: string;
  try {
    body = await readBodyText(req);
  } catch (err) {
    if (err instanceof DomainError) return errorResponse(err);
    throw err;
  }
  if (req.nextUrl.pathname.endsWith("/callback/credentials")) {
    const email = new URLSearchParams(body).get("email") ?? "";
    const lock = await signInLock({ email, ip: clientIp(req.headers), deviceCookie: deviceCookieFromHeader(req.headers.get("cookie")) });
    if (lock) {
      return errorResponse(new DomainError("rate_limited", "sign_in", { headers: { "Retry-After": String(retryAfterSeconds(lock)) } }));
    }
  }
  return handlers.POST(new NextRequest(req.url, { method: "POST", headers: req.headers, body }));
}
