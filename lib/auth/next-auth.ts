import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { cookies } from "next/headers";
import { getDb } from "@/db/client";
import { clientIp } from "@/lib/http/ip";
import { errorFields, logger, requestLogger } from "@/lib/log";
import { authConfig } from "./config";
import { authenticate } from "./credentials";
import { DEVICE_COOKIE, deviceCookieFromHeader, deviceCookieMaxAgeSeconds } from "./device-cookie";
import { secureCookies } from "./lifetime";
import { SignInSchema } from "./schemas";
import { revokeSession } from "./sessions";

/** Too many failed attempts for this account or address; the sign-in form says so in plain words. */
export class SignInLocked extends CredentialsSignin {
  override code = "locked";
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  providers: [
    Credentials({
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(raw, request) {
        const parsed = SignInSchema.safeParse(raw);
        if (!parsed.success) return null;
        const ip = clientIp(request.headers);
        const log = requestLogger(request.headers.get("x-request-id"));
        const result = await authenticate(getDb(), {
          ...parsed.data,
          ip,
          userAgent: request.headers.get("user-agent"),
          deviceCookie: deviceCookieFromHeader(request.headers.get("cookie")),
        });
        if (result.ok) {
          log.info({ userId: result.user.id, role: result.user.role }, "signed in");
          // This browser is now known to this account (a fresh nonce each time: OWASP device cookies).
          (await cookies()).set(DEVICE_COOKIE(), result.deviceCookie, {
            httpOnly: true,
            sameSite: "lax",
            secure: secureCookies(),
            path: "/",
            maxAge: deviceCookieMaxAgeSeconds(),
          });
          return { id: result.user.id, email: result.user.email, name: result.user.name, role: result.user.role, sid: result.sessionId };
        }
        log.warn({ reason: result.reason }, "sign-in refused");
        if (result.reason === "locked") throw new SignInLocked();
        return null;
      },
    }),
  ],
  events: {
    async signOut(message) {
      const sid = "token" in message ? message.token?.sid : undefined;
      if (sid) await revokeSession(getDb(), sid);
    },
  },
  logger: {
    // Failed credentials are expected and already logged above; anything else is worth seeing.
    error(error) {
      if (error instanceof CredentialsSignin) return;
      logger.error(errorFields(error), "next-auth error");
    },
    warn(code) {
      logger.warn({ code }, "next-auth warning");
    },
    debug() {},
  },
});
