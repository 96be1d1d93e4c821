import type { NextAuthConfig } from "next-auth";
import { SESSION_COOKIE, SESSION_MAX_AGE_SECONDS, secureCookies } from "./lifetime";

/**
 * The part of the next-auth configuration that proxy.ts may load: no database, no providers. The full
 * configuration (credentials, session revocation) is in lib/auth/next-auth.ts.
 */
export const authConfig = {
  pages: { signIn: "/login" },
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  trustHost: true,
  useSecureCookies: secureCookies(),
  cookies: {
    // HttpOnly, SameSite=Lax, host-only; Secure with the __Host- prefix when served over HTTPS.
    sessionToken: { name: SESSION_COOKIE(), options: { httpOnly: true, sameSite: "lax", path: "/", secure: secureCookies() } },
  },
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id!;
        token.role = user.role;
        token.sid = user.sid;
      }
      return token;
    },
    session({ session, token }) {
      // Only what the UI may show; every server check re-reads the user from the database.
      if (token.uid) {
        session.user = { ...session.user, id: token.uid, role: token.role };
        session.sid = token.sid;
      }
      return session;
    },
  },
} satisfies NextAuthConfig;
