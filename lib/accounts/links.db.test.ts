import { and, desc, eq, sql } from "drizzle-orm";
import type { Transporter } from "nodemailer";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, rowsOf } from "@/db/client";
import { accountTokens, auditEvents, outboxEmails, patients, practitioners, users } from "@/db/schema";
import { createLocation, createPatient, createUser, uniqueEmail } from "@/db/seed/factories";
import { authenticate, SIGNIN_MAX_FAILURES } from "@/lib/auth/credentials";
import { verifyPassword } from "@/lib/auth/password";
import { landingFor } from "@/lib/auth/roles";
import { loadSessionUser } from "@/lib/auth/sessions";
import { LOCAL_APP_URL } from "@/lib/http/base-url";
import { deliverPending } from "@/lib/notifications/outbox";
import { completeAccountLink, describeAccountLink, inviteStaff, listInvitations, requestPasswordReset, revokeInvitation, sendPortalInvite } from "./links";
import { InviteSchema } from "./schemas";
import { hashToken } from "./tokens";

const NEW_PASSWORD = "a long new password 42";
let admin: { id: string; role: "admin" };
let locationId: string;

beforeAll(async () => {
  const a = await createUser(getDb(), { role: "admin" });
  admin = { id: a.id, role: "admin" };
  locationId = (await createLocation(getDb())).id;
});

/** The newest email to `to`, and the token in its link. */
async function lastEmailTo(to: string) {
  const [email] = await getDb().select().from(outboxEmails).where(eq(outboxEmails.toAddress, to)).orderBy(desc(outboxEmails.createdAt)).limit(1);
  const token = email ? /\/set-password\/([A-Za-z0-9_-]{43})/.exec(email.textBody)?.[1] : undefined;
  return { email, token };
}
const emailsTo = async (to: string) => (await getDb().select().from(outboxEmails).where(eq(outboxEmails.toAddress, to))).length;
const auditOf = async (action: string, entityId?: string) =>
  getDb()
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), ...(entityId ? [eq(auditEvents.entityId, entityId)] : [])));

const invite = (over: Partial<Parameters<typeof inviteStaff>[1]> = {}) =>
  getDb().transaction((tx) => inviteStaff(tx, { name: "Sofia Newhire", email: uniqueEmail("invitee"), role: "practitioner", discipline: "physical_therapist", locationId, actor: admin, ...over }));

describe("staff invitations", () => {
  it("email a single-use link through the outbox, audited; the invitee becomes a practitioner who lands on /cases", async () => {
    const email = uniqueEmail("pt");
    const { invitationId } = await invite({ email });
    const { email: sent, token } = await lastEmailTo(email);
    expect(sent).toMatchObject({ kind: "staff_invite", subject: "You are invited to Backline" });
    expect(sent!.textBody).toContain(`${LOCAL_APP_URL}/set-password/${token}`);
    expect(sent!.textBody).toContain("Practitioner (Physical therapist)");
    expect(await auditOf("account.invited", invitationId)).toHaveLength(1);
    expect(await describeAccountLink(getDb(), token!)).toMatchObject({ purpose: "staff_invite", email, name: "Sofia Newhire" });

    const account = await completeAccountLink(getDb(), { token: token!, password: NEW_PASSWORD });
    expect(account).toMatchObject({ email, role: "practitioner", purpose: "staff_invite" });
    expect(landingFor(account.role, "")).toBe("/cases");
    const [p] = await getDb().select().from(practitioners).where(eq(practitioners.userId, account.userId));
    expect(p).toMatchObject({ displayName: "Sofia Newhire", discipline: "physical_therapist", locationId });
    const signedIn = await authenticate(getDb(), { email, password: NEW_PASSWORD, ip: "198.51.100.60", userAgent: "vitest" });
    expect(signedIn).toMatchObject({ ok: true, user: { role: "practitioner" } });
    expect(await auditOf("account.invitation_accepted", account.userId)).toHaveLength(1);

    // Single use: the same link again does nothing.
    await expect(completeAccountLink(getDb(), { token: token!, password: "another password 123" })).rejects.toMatchObject({ code: "invalid_link" });
    expect(await describeAccountLink(getDb(), token!)).toBeNull();
    expect((await listInvitations(getDb())).find((i) => i.id === invitationId)?.status).toBe("accepted");
  });

  it("store only a hash of the random token, never the token or anything derived from an id", async () => {
    const email = uniqueEmail("hash");
    const { invitationId } = await invite({ email, role: "staff" });
    const { token } = await lastEmailTo(email);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(token).not.toContain(invitationId);
    const [row] = await getDb().select().from(accountTokens).where(eq(accountTokens.id, invitationId));
    expect(row!.tokenHash).toBe(hashToken(token!));
    const dump = JSON.stringify(rowsOf(await getDb().execute(sql`select * from account_tokens`)));
    expect(dump).not.toContain(token!);
  });

  it("can be revoked, and a newer invitation to the same address replaces the older one", async () => {
    const email = uniqueEmail("revoked");
    const first = await invite({ email, role: "staff" });
    const firstToken = (await lastEmailTo(email)).token!;
    const second = await invite({ email, role: "admin" });
    const secondToken = (await lastEmailTo(email)).token!;
    await expect(completeAccountLink(getDb(), { token: firstToken, password: NEW_PASSWORD })).rejects.toMatchObject({ code: "invalid_link" });
    await getDb().transaction((tx) => revokeInvitation(tx, { invitationId: second.invitationId, actor: admin }));
    await expect(completeAccountLink(getDb(), { token: secondToken, password: NEW_PASSWORD })).rejects.toMatchObject({ code: "invalid_link" });
    const statuses = Object.fromEntries((await listInvitations(getDb())).map((i) => [i.id, i.status]));
    expect(statuses[first.invitationId]).toBe("revoked");
    expect(statuses[second.invitationId]).toBe("revoked");
    expect(await auditOf("account.invitation_revoked", second.invitationId)).toHaveLength(1);
    await expect(getDb().transaction((tx) => revokeInvitation(tx, { invitationId: second.invitationId, actor: admin }))).rejects.toMatchObject({ code: "not_found" });
    expect(await getDb().select().from(users).where(eq(users.email, email))).toHaveLength(0);
  });

  it("expire", async () => {
    const email = uniqueEmail("expired");
    const { invitationId } = await invite({ email, role: "staff" });
    await getDb()
      .update(accountTokens)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(accountTokens.id, invitationId));
    await expect(completeAccountLink(getDb(), { token: (await lastEmailTo(email)).token!, password: NEW_PASSWORD })).rejects.toMatchObject({ code: "invalid_link" });
    expect((await listInvitations(getDb())).find((i) => i.id === invitationId)?.status).toBe("expired");
  });

  it("refuse an address that already has an account, and a practitioner without discipline and location", async () => {
    const existing = await createUser(getDb(), { role: "staff" });
    await expect(invite({ email: existing.email })).rejects.toMatchObject({ code: "email_in_use", fields: { email: expect.any(String) } });
    const parsed = InviteSchema.safeParse({ name: "No Discipline", email: uniqueEmail(), role: "practitioner", discipline: "", locationId: "" });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => i.path.join("."))).toEqual(expect.arrayContaining(["discipline", "locationId"]));
    expect(InviteSchema.safeParse({ name: "Front Desk", email: uniqueEmail(), role: "staff", discipline: "", locationId: "" }).success).toBe(true);
  });

  it("two uses of one link at once: exactly one account", async () => {
    const email = uniqueEmail("race");
    await invite({ email, role: "staff" });
    const { token } = await lastEmailTo(email);
    const results = await Promise.allSettled([1, 2, 3].map(() => completeAccountLink(getDb(), { token: token!, password: NEW_PASSWORD })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await getDb().select().from(users).where(eq(users.email, email))).toHaveLength(1);
  });
});

describe("portal access for a patient", () => {
  it("emails a setup link; using it creates the patient's account, linked to the record, audited in their access log", async () => {
    const patient = await createPatient(getDb(), { fullName: "Paula Portal" });
    const desk = await createUser(getDb(), { role: "staff" });
    const result = await sendPortalInvite(getDb(), { patientId: patient.id, actor: { id: desk.id, role: "staff" } });
    expect(result.kind).toBe("sent");
    // Sent a moment ago: a second call sends nothing more.
    expect((await sendPortalInvite(getDb(), { patientId: patient.id, actor: null })).kind).toBe("already_sent");
    expect(await emailsTo(patient.email)).toBe(1);
    const { email, token } = await lastEmailTo(patient.email);
    expect(email).toMatchObject({ kind: "portal_setup", subject: "Set up your Backline patient portal" });
    expect(email!.textBody).toContain("Hello Paula Portal,");

    const account = await completeAccountLink(getDb(), { token: token!, password: NEW_PASSWORD });
    expect(account).toMatchObject({ role: "patient", email: patient.email });
    const [linked] = await getDb().select().from(patients).where(eq(patients.id, patient.id));
    expect(linked!.userId).toBe(account.userId);
    const signedIn = await authenticate(getDb(), { email: patient.email, password: NEW_PASSWORD, ip: "198.51.100.61", userAgent: "vitest" });
    expect(signedIn.ok && (await loadSessionUser(getDb(), signedIn.sessionId))).toMatchObject({ patientId: patient.id, role: "patient" });
    const trail = await getDb().select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.patientId, patient.id));
    expect(trail.map((t) => t.action)).toEqual(expect.arrayContaining(["account.portal_invite_sent", "account.portal_created"]));
    expect((await sendPortalInvite(getDb(), { patientId: patient.id, actor: null })).kind).toBe("has_account");
  });

  it("sends nothing when the address belongs to another account, or the patient does not exist", async () => {
    const staff = await createUser(getDb(), { role: "staff" });
    const patient = await createPatient(getDb(), { email: staff.email });
    expect((await sendPortalInvite(getDb(), { patientId: patient.id, actor: null })).kind).toBe("email_in_use");
    expect((await sendPortalInvite(getDb(), { patientId: "00000000-0000-4000-8000-000000000000", actor: null })).kind).toBe("not_found");
    expect(await emailsTo(staff.email)).toBe(0);
  });

  it("a link for an address the record no longer has does not work", async () => {
    const patient = await createPatient(getDb());
    await sendPortalInvite(getDb(), { patientId: patient.id, actor: null });
    const { token } = await lastEmailTo(patient.email);
    await getDb()
      .update(patients)
      .set({ email: uniqueEmail("moved") })
      .where(eq(patients.id, patient.id));
    await expect(completeAccountLink(getDb(), { token: token!, password: NEW_PASSWORD })).rejects.toMatchObject({ code: "invalid_link" });
    const [after] = await getDb().select().from(patients).where(eq(patients.id, patient.id));
    expect(after!.userId).toBeNull();
  });
});

describe("forgot password", () => {
  it("emails a known, active account a reset link and nobody else", async () => {
    const user = await createUser(getDb(), { role: "patient" });
    const disabled = await createUser(getDb(), { role: "staff", disabled: true });
    const unknown = uniqueEmail("nobody");
    for (const email of [user.email.toUpperCase(), disabled.email, unknown]) await requestPasswordReset(getDb(), { email });
    expect(await emailsTo(user.email)).toBe(1);
    expect(await emailsTo(disabled.email)).toBe(0);
    expect(await emailsTo(unknown)).toBe(0);
    const { email } = await lastEmailTo(user.email);
    expect(email).toMatchObject({ kind: "password_reset", subject: "Reset your Backline password" });
    expect(email!.textBody).toContain("The link works once, for 1 hour.");
    expect(await auditOf("account.password_reset_requested", user.id)).toHaveLength(1);
  });

  it("a reset sets the password, ends every session, lifts the sign-in lock, and works once", async () => {
    const OLD = "the old password 123";
    const user = await createUser(getDb(), { role: "patient", password: OLD });
    const before = await authenticate(getDb(), { email: user.email, password: OLD, ip: "198.51.100.62", userAgent: "laptop" });
    if (!before.ok) throw new Error("sign-in failed");
    // Someone else has been guessing: the account is paused for unknown browsers.
    for (let i = 0; i < SIGNIN_MAX_FAILURES; i++) await authenticate(getDb(), { email: user.email, password: `guess ${i}`, ip: "203.0.113.66", userAgent: "attacker" });
    expect(await authenticate(getDb(), { email: user.email, password: OLD, ip: "198.51.100.63", userAgent: "new phone" })).toMatchObject({ ok: false, reason: "locked" });

    await requestPasswordReset(getDb(), { email: user.email });
    const { token } = await lastEmailTo(user.email);
    const account = await completeAccountLink(getDb(), { token: token!, password: NEW_PASSWORD });
    expect(account).toMatchObject({ userId: user.id, role: "patient", purpose: "password_reset" });
    expect(await loadSessionUser(getDb(), before.sessionId)).toBeNull();
    const [row] = await getDb().select({ hash: users.passwordHash }).from(users).where(eq(users.id, user.id));
    expect(await verifyPassword(row!.hash, NEW_PASSWORD)).toBe(true);
    expect(await verifyPassword(row!.hash, OLD)).toBe(false);
    expect(await authenticate(getDb(), { email: user.email, password: NEW_PASSWORD, ip: "198.51.100.63", userAgent: "new phone" })).toMatchObject({ ok: true });
    await expect(completeAccountLink(getDb(), { token: token!, password: "yet another password" })).rejects.toMatchObject({ code: "invalid_link" });
    expect(await auditOf("account.password_reset", user.id)).toHaveLength(1);
  });

  it("only the newest reset link works, and links expire", async () => {
    const user = await createUser(getDb(), { role: "staff" });
    await requestPasswordReset(getDb(), { email: user.email });
    const first = (await lastEmailTo(user.email)).token!;
    await new Promise((r) => setTimeout(r, 5));
    await requestPasswordReset(getDb(), { email: user.email });
    const second = (await lastEmailTo(user.email)).token!;
    expect(second).not.toBe(first);
    expect(await describeAccountLink(getDb(), first)).toBeNull();
    await getDb()
      .update(accountTokens)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(accountTokens.tokenHash, hashToken(second)));
    await expect(completeAccountLink(getDb(), { token: second, password: NEW_PASSWORD })).rejects.toMatchObject({ code: "invalid_link" });
  });
});

describe("the outbox copy of an account email", () => {
  it("keeps no working link once the email is sent", async () => {
    const previous = process.env.SMTP_URL;
    process.env.SMTP_URL = "smtp://localhost:2525";
    try {
      const user = await createUser(getDb(), { role: "staff" });
      await requestPasswordReset(getDb(), { email: user.email });
      const { email, token } = await lastEmailTo(user.email);
      expect(email!.status).toBe("pending");
      const delivered: string[] = [];
      const transport = { sendMail: async (m: { text: string }) => void delivered.push(m.text) } as unknown as Transporter;
      await deliverPending(getDb(), transport, "clinic@example.test", 500);
      expect(delivered.some((text) => text.includes(`/set-password/${token}`))).toBe(true);
      const [after] = await getDb().select().from(outboxEmails).where(eq(outboxEmails.id, email!.id));
      expect(after!.status).toBe("sent");
      expect(after!.textBody + after!.htmlBody).not.toContain(token!);
      expect(after!.textBody).toContain("/set-password/[removed once sent]");
    } finally {
      if (previous === undefined) delete process.env.SMTP_URL;
      else process.env.SMTP_URL = previous;
    }
  });
});
