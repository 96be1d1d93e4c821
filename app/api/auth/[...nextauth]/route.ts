import type { NextRequest } from "next/server";
import { getDb } from "@/db/client";
import { signInLockFor } from "@/lib/auth/credentials";
import { handlers } from "@/lib/auth/next-auth";
import { jsonError } from "@/lib/http/api";
import { clientIp } from "@/lib/http/ip";
import { retryAfterSeconds } from "@/lib/rate-limit";

export const { GET } = handlers;

/**
 * next-auth's endpoints. A credentials sign-in while the account or the address is locked out answers
 * 429 with Retry-After before next-auth sees it (the sign-in form shows the same lock in words).
 */
export async function POST(req: NextRequest) {
  if (req.nextUrl.pathname.endsWith("/callback/credentials")) {
    const form = await req.clone().formData().catch(() => null);
    const email = typeof form?.get("email") === "string" ? String(form.get("email")) : "";
    const lock = await signInLockFor(getDb(), email, clientIp(req.headers));
    if (lock) {
      return jsonError(429, "rate_limited", "Too many failed sign-ins. Please try again later.", {}, { "Retry-After": String(retryAfterSeconds(lock)) });
    }
  }
  return handlers.POST(req);
}
