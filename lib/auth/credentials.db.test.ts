import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { authSessions, users } from "@/db/schema";
import { createUser, uniqueEmail } from "@/db/seed/factories";
import { setUserDisabled } from "@/lib/accounts/accounts";
import { authenticate, signInLockFor, SIGNIN_MAX_FAILURES } from "./credentials";
import { loadSessionUser, revokeAllSessions, revokeSession } from "./sessions";

const PASSWORD = "correct horse battery";
let ipCounter = 1;
const freshIp = () => `198.51.100.${ipCounter++}`;

async function signIn(email: string, password: string, ip: string) {
  return authenticate(getDb(), { email, password, ip, userAgent: "vitest" });
}

describe("sign-in", () => {
  it("signs in with the right password, case-insensitively on the email", async () => {
    const user = await createUser(getDb(), { role: "staff", password: PASSWORD });
    const result = await signIn(user.email.toUpperCase(), PASSWORD, freshIp());
    expect(result).toMatchObject({ ok: true, user: { id: user.id, role: "staff" } });
  });

  it("answers an unknown email exactly like a wrong password", async () => {
    const user = await createUser(getDb(), { role: "staff", password: PASSWORD });
    expect(await signIn(user.email, "wrong password!", freshIp())).toEqual({ ok: false, reason: "invalid" });
    expect(await signIn(uniqueEmail("nobody"), PASSWORD, freshIp())).toEqual({ ok: false, reason: "invalid" });
  });

  it(`locks the account after ${SIGNIN_MAX_FAILURES} wrong passwords, even for the right password and from another address`, async () => {
    const user = await createUser(getDb(), { role: "patient", password: PASSWORD });
    const ip = freshIp();
    for (let i = 0; i < SIGNIN_MAX_FAILURES; i++) {
      expect(await signIn(user.email, `wrong-${i}`, ip)).toMatchObject({ ok: false, reason: "invalid" });
    }
    const locked = await signIn(user.email, PASSWORD, ip);
    expect(locked).toMatchObject({ ok: false, reason: "locked" });
    if (!locked.ok && locked.reason === "locked") expect(locked.retryAt.getTime()).toBeGreaterThan(Date.now() + 60_000);
    expect(await signIn(user.email, PASSWORD, freshIp())).toMatchObject({ ok: false, reason: "locked" });
  });

  it("locks the address after too many failures across accounts", async () => {
    const ip = freshIp();
    for (let i = 0; i < SIGNIN_MAX_FAILURES; i++) await signIn(uniqueEmail("spray"), "guess", ip);
    const other = await createUser(getDb(), { role: "patient", password: PASSWORD });
    expect(await signIn(other.email, PASSWORD, ip)).toMatchObject({ ok: false, reason: "locked" });
    // The same account from a clean address is fine: the lock is on the address.
    expect(await signIn(other.email, PASSWORD, freshIp())).toMatchObject({ ok: true });
  });

  it("forgives a few failures once the right password is used", async () => {
    const user = await createUser(getDb(), { role: "patient", password: PASSWORD });
    for (let i = 0; i < SIGNIN_MAX_FAILURES - 1; i++) await signIn(user.email, "nope", freshIp());
    expect(await signIn(user.email, PASSWORD, freshIp())).toMatchObject({ ok: true });
    for (let i = 0; i < SIGNIN_MAX_FAILURES - 1; i++) await signIn(user.email, "nope", freshIp());
    expect(await signIn(user.email, PASSWORD, freshIp())).toMatchObject({ ok: true });
  });

  it("refuses a disabled account with the generic answer", async () => {
    const user = await createUser(getDb(), { role: "staff", password: PASSWORD, disabled: true });
    expect(await signIn(user.email, PASSWORD, freshIp())).toEqual({ ok: false, reason: "invalid" });
  });
});

describe("device cookies: guessing from elsewhere never locks out a browser that signed in before", () => {
  it("a locked-out attacker, and the real user still signs in from their usual browser", async () => {
    const user = await createUser(getDb(), { role: "patient", password: PASSWORD });
    const home = await signIn(user.email, PASSWORD, freshIp());
    if (!home.ok) throw new Error("sign-in failed");
    const cookie = home.deviceCookie;

    // Someone elsewhere guesses until the account is paused, from many addresses.
    for (let i = 0; i < SIGNIN_MAX_FAILURES; i++) await signIn(user.email, `guess-${i}`, freshIp());
    expect(await signIn(user.email, `guess-again`, freshIp())).toMatchObject({ ok: false, reason: "locked" });
    // An unknown browser, even with the right password, meets the account's pause...
    expect(await signIn(user.email, PASSWORD, freshIp())).toMatchObject({ ok: false, reason: "locked" });
    expect(await signInLockFor(getDb(), { email: user.email, ip: freshIp() })).not.toBeNull();
    // ...the browser that signed in before does not, from any address.
    expect(await signInLockFor(getDb(), { email: user.email, ip: freshIp(), deviceCookie: cookie })).toBeNull();
    const back = await authenticate(getDb(), { email: user.email, password: PASSWORD, ip: freshIp(), userAgent: "home", deviceCookie: cookie });
    expect(back).toMatchObject({ ok: true, user: { id: user.id } });
    // Its success does not lift the pause for strangers.
    expect(await signIn(user.email, PASSWORD, freshIp())).toMatchObject({ ok: false, reason: "locked" });
  });

  it("a known browser is limited on its own failures, and only for its own account", async () => {
    const user = await createUser(getDb(), { role: "staff", password: PASSWORD });
    const other = await createUser(getDb(), { role: "staff", password: PASSWORD });
    const first = await signIn(user.email, PASSWORD, freshIp());
    if (!first.ok) throw new Error("sign-in failed");
    const withCookie = (email: string, password: string) => authenticate(getDb(), { email, password, ip: freshIp(), userAgent: "stolen laptop", deviceCookie: first.deviceCookie });
    for (let i = 0; i < SIGNIN_MAX_FAILURES; i++) expect(await withCookie(user.email, `wrong-${i}`)).toMatchObject({ ok: false, reason: "invalid" });
    expect(await withCookie(user.email, PASSWORD)).toMatchObject({ ok: false, reason: "locked" });
    // Those failures were the device's: the account itself is not paused for other browsers.
    expect(await signIn(user.email, PASSWORD, freshIp())).toMatchObject({ ok: true });
    // The cookie vouches for nothing about another account.
    for (let i = 0; i < SIGNIN_MAX_FAILURES; i++) await signIn(other.email, `wrong-${i}`, freshIp());
    expect(await withCookie(other.email, PASSWORD)).toMatchObject({ ok: false, reason: "locked" });
  });

  it("a forged or altered cookie is an unknown browser", async () => {
    const user = await createUser(getDb(), { role: "patient", password: PASSWORD });
    const r = await signIn(user.email, PASSWORD, freshIp());
    if (!r.ok) throw new Error("sign-in failed");
    for (let i = 0; i < SIGNIN_MAX_FAILURES; i++) await signIn(user.email, `wrong-${i}`, freshIp());
    // Change one character inside the signature (not its last: base64 ignores that one's low bits).
    const at = r.deviceCookie.length - 20;
    const forged = `${r.deviceCookie.slice(0, at)}${r.deviceCookie[at] === "A" ? "B" : "A"}${r.deviceCookie.slice(at + 1)}`;
    expect(await authenticate(getDb(), { email: user.email, password: PASSWORD, ip: freshIp(), userAgent: "x", deviceCookie: forged })).toMatchObject({ ok: false, reason: "locked" });
  });
});

describe("sessions end", () => {
  async function liveSession() {
    const user = await createUser(getDb(), { role: "practitioner", password: PASSWORD });
    const result = await signIn(user.email, PASSWORD, freshIp());
    if (!result.ok) throw new Error("sign-in failed");
    expect(await loadSessionUser(getDb(), result.sessionId)).toMatchObject({ id: user.id });
    return { user, sessionId: result.sessionId };
  }

  it("on sign-out: that session only", async () => {
    const { user, sessionId } = await liveSession();
    const second = await signIn(user.email, PASSWORD, freshIp());
    await revokeSession(getDb(), sessionId);
    expect(await loadSessionUser(getDb(), sessionId)).toBeNull();
    expect(second.ok && (await loadSessionUser(getDb(), second.sessionId))).toMatchObject({ id: user.id });
  });

  it("on a password change: every session of the user", async () => {
    const { user, sessionId } = await liveSession();
    const second = await signIn(user.email, PASSWORD, freshIp());
    await getDb().transaction((tx) => revokeAllSessions(tx, user.id));
    expect(await loadSessionUser(getDb(), sessionId)).toBeNull();
    expect(second.ok && (await loadSessionUser(getDb(), second.sessionId))).toBeNull();
  });

  it("when an admin disables the user, and stays ended after re-enabling", async () => {
    const { user, sessionId } = await liveSession();
    const admin = await createUser(getDb(), { role: "admin" });
    await getDb().transaction((tx) => setUserDisabled(tx, { userId: user.id, disabled: true, actorId: admin.id }));
    expect(await loadSessionUser(getDb(), sessionId)).toBeNull();
    expect(await signIn(user.email, PASSWORD, freshIp())).toMatchObject({ ok: false });
    await getDb().transaction((tx) => setUserDisabled(tx, { userId: user.id, disabled: false, actorId: admin.id }));
    expect(await loadSessionUser(getDb(), sessionId)).toBeNull();
    expect(await signIn(user.email, PASSWORD, freshIp())).toMatchObject({ ok: true });
  });

  it("ends idle sessions: 15 minutes for staff, 30 for patients, and 12 hours in all", async () => {
    const idle = async (role: "staff" | "patient", minutesIdle: number, ageHours = 0) => {
      const user = await createUser(getDb(), { role, password: PASSWORD });
      const r = await signIn(user.email, PASSWORD, freshIp());
      if (!r.ok) throw new Error("sign-in failed");
      await getDb()
        .update(authSessions)
        .set({ lastSeenAt: sql`now() - make_interval(mins => ${minutesIdle})`, ...(ageHours ? { expiresAt: sql`now() - interval '1 second'` } : {}) })
        .where(eq(authSessions.id, r.sessionId));
      return loadSessionUser(getDb(), r.sessionId);
    };
    expect(await idle("staff", 14)).not.toBeNull();
    expect(await idle("staff", 16)).toBeNull();
    expect(await idle("patient", 16)).not.toBeNull();
    expect(await idle("patient", 31)).toBeNull();
    expect(await idle("patient", 0, 12)).toBeNull();
  });

  it("ignores unknown or malformed session ids", async () => {
    expect(await loadSessionUser(getDb(), randomUUID())).toBeNull();
    expect(await loadSessionUser(getDb(), "' or 1=1 --")).toBeNull();
  });

  it("stores passwords as Argon2id hashes", async () => {
    const user = await createUser(getDb(), { role: "staff", password: PASSWORD });
    const [row] = await getDb().select({ hash: users.passwordHash }).from(users).where(eq(users.id, user.id));
    expect(row?.hash).toMatch(/^\$argon2id\$/);
  });
});
