import type { Role } from "./roles";

declare module "next-auth" {
  interface User {
    role: Role;
    sid: string;
  }
  interface Session {
    user: { id: string; role: Role; name?: string | null; email?: string | null };
    /** The auth_sessions row this cookie belongs to; the server checks it on every request. */
    sid: string;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    uid: string;
    role: Role;
    sid: string;
  }
}
