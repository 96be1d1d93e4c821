import { desc, eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { outboxEmails } from "@/db/schema";
import { createLocation, createPatient, createUser, uniqueEmail } from "@/db/seed/factories";
import { createSession } from "@/lib/auth/sessions";
import { inviteStaffAction, requestPasswordResetAction, sendPortalInviteAction, setPasswordAction } from "./actions";
import { FORGOT_ANSWER } from "./schemas";

const session = vi.hoisted(() => ({ current: null as { sid: string } | null, ip: "198.18.20.1" }));
const signIn = vi.hoisted(() => vi.fn(async () => undefined));
vi.mock("@/lib/auth/next-auth", () => ({ auth: async () => session.current, signIn, signOut: async () => undefined }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-backline-peer-address": session.ip }), cookies: async () => ({ get: () => undefined, set: () => undefined }) }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
};
let ipSeq = 1;
const freshIp = () => (session.ip = `198.18.21.${ipSeq++}`);
const tokenIn = async (to: string) => {
  const [email] = await getDb().select().from(outboxEmails).where(eq(outboxEmails.toAddress, to)).orderBy(desc(outboxEmails.createdAt)).limit(1);
  return /\/set-password\/([A-Za-z0-9_-]{43})/.exec(email?.textBody ?? "")?.[1];
};
/** What a server action's redirect() threw, e.g. "/cases". */
const redirectOf = (err: unknown) => /^NEXT_REDIRECT;[^;]*;([^;]+);/.exec(String((err as { digest?: string }).digest))?.[1];

let adminSid = "";
let staffSid = "";
let locationId = "";
beforeAll(async () => {
  const admin = await createUser(getDb(), { role: "admin" });
  const staff = await createUser(getDb(), { role: "staff" });
  adminSid = await createSession(getDb(), { userId: admin.id, sessionVersion: 1, ip: null, userAgent: null });
  staffSid = await createSession(getDb(), { userId: staff.id, sessionVersion: 1, ip: null, userAgent: null });
  locationId = (await createLocation(getDb())).id;
});
beforeEach(() => {
  session.current = null;
  freshIp();
  signIn.mockClear();
});

describe("forgot password (public)", () => {
  it("gives the same answer for a known and an unknown address", async () => {
    const user = await createUser(getDb(), { role: "patient" });
    const known = await requestPasswordResetAction(null, form({ email: user.email }));
    const unknown = await requestPasswordResetAction(null, form({ email: uniqueEmail("ghost") }));
    expect(known).toEqual({ ok: true, data: { message: FORGOT_ANSWER } });
    expect(unknown).toEqual(known);
    expect(await tokenIn(user.email)).toBeDefined();
    expect(await requestPasswordResetAction(null, form({ email: "not an email" }))).toMatchObject({ ok: false, error: { code: "invalid", fields: { email: expect.any(String) } } });
  });

  it("is limited per address asked about and per client address, saying how long to wait", async () => {
    const email = uniqueEmail("flood");
    for (let i = 0; i < 3; i++) {
      freshIp();
      expect((await requestPasswordResetAction(null, form({ email }))).ok).toBe(true);
    }
    freshIp();
    expect(await requestPasswordResetAction(null, form({ email }))).toMatchObject({ ok: false, error: { code: "rate_limited", message: expect.stringMatching(/try again in \d+ minutes?/) } });

    freshIp();
    for (let i = 0; i < 10; i++) expect((await requestPasswordResetAction(null, form({ email: uniqueEmail("spray") }))).ok).toBe(true);
    expect(await requestPasswordResetAction(null, form({ email: uniqueEmail("spray") }))).toMatchObject({ ok: false, error: { code: "rate_limited" } });
  });
});

describe("choosing a password from a link (public)", () => {
  it("sets it, signs the person in on this browser and sends them to their home", async () => {
    const user = await createUser(getDb(), { role: "patient" });
    await requestPasswordResetAction(null, form({ email: user.email }));
    const token = (await tokenIn(user.email))!;
    const err = await setPasswordAction(null, form({ token, password: "my brand new password", confirmPassword: "my brand new password" })).catch((e: unknown) => e);
    expect(redirectOf(err)).toBe("/portal");
    expect(signIn).toHaveBeenCalledWith("credentials", { email: user.email, password: "my brand new password", redirect: false });
  });

  it("names the field for a mismatch or a short password, and says plainly when the link no longer works", async () => {
    expect(await setPasswordAction(null, form({ token: "x".repeat(43), password: "long enough password", confirmPassword: "different password" }))).toMatchObject({
      ok: false,
      error: { code: "invalid", fields: { confirmPassword: "The two passwords differ" } },
    });
    expect(await setPasswordAction(null, form({ token: "x".repeat(43), password: "short", confirmPassword: "short" }))).toMatchObject({
      ok: false,
      error: { fields: { password: expect.any(String) } },
    });
    expect(await setPasswordAction(null, form({ token: "x".repeat(43), password: "long enough password", confirmPassword: "long enough password" }))).toMatchObject({
      ok: false,
      error: { code: "invalid_link", message: expect.stringContaining("expired or was already used") },
    });
    expect(signIn).not.toHaveBeenCalled();
  });
});

describe("invitations and portal links from the clinic", () => {
  it("an admin invites a physical therapist, who lands on /cases", async () => {
    session.current = { sid: adminSid };
    const email = uniqueEmail("physio");
    const result = await inviteStaffAction(null, form({ name: "Pat Physio", email, role: "practitioner", discipline: "physical_therapist", locationId }));
    expect(result).toMatchObject({ ok: true });
    session.current = null;
    const token = (await tokenIn(email))!;
    const err = await setPasswordAction(null, form({ token, password: "physio password 123", confirmPassword: "physio password 123" })).catch((e: unknown) => e);
    expect(redirectOf(err)).toBe("/cases");
  });

  it("the front desk sends a patient without an account a portal link, once", async () => {
    session.current = { sid: staffSid };
    const patient = await createPatient(getDb());
    expect(await sendPortalInviteAction(null, form({ patientId: patient.id }))).toMatchObject({ ok: true, data: { kind: "sent" } });
    expect(await tokenIn(patient.email)).toBeDefined();
    const withAccount = await createPatient(getDb(), { account: {} });
    expect(await sendPortalInviteAction(null, form({ patientId: withAccount.id }))).toMatchObject({ ok: false, error: { code: "has_account" } });
  });
});
