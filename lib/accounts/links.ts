import "server-only";
import { getClinic } from "@/lib/clinic/context";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import type { Db, DbOrTx, Tx } from "@/db/client";
import { PG, pgErrorCode } from "@/db/errors";
import { accountTokens, locations, patients, practitioners, users } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit";
import { accountKey } from "@/lib/auth/credentials";
import { hashPassword } from "@/lib/auth/password";
import { ROLE_LABELS, type Role } from "@/lib/auth/roles";
import { revokeAllSessions } from "@/lib/auth/sessions";
import { DISCIPLINE_LABELS } from "@/lib/clinic/disciplines";
import { DomainError } from "@/lib/errors";
import { appBaseUrl } from "@/lib/http/base-url";
import { clear } from "@/lib/rate-limit";
import { enqueueEmail } from "@/lib/notifications/outbox";
import { accountLinkEmail } from "@/lib/notifications/templates";
import { tokenLifetimeSeconds, type AccountTokenPurpose } from "./purposes";
import type { InviteInput } from "./schemas";
import { accountLinkUrl, consumeAccountToken, findOpenAccountToken, issueAccountToken, type AccountToken } from "./tokens";

/**
 * Getting into Backline without an admin typing anyone's password: single-use emailed links to choose
 * one (portal setup for patients, invitations for the team, "forgot password"). Every email goes through
 * the outbox in the same transaction as the link; every step is an audit event.
 */

type Actor = { id: string; role: Role };

function validFor(purpose: AccountTokenPurpose): string {
  const seconds = tokenLifetimeSeconds(purpose);
  if (seconds % 86_400 === 0) return seconds === 86_400 ? "1 day" : `${seconds / 86_400} days`;
  if (seconds % 3600 === 0) return seconds === 3600 ? "1 hour" : `${seconds / 3600} hours`;
  return `${Math.round(seconds / 60)} minutes`;
}

const emailInUse = () => new DomainError("email_in_use", "account", { fields: { email: "email_in_use" } });

async function userByEmail(db: DbOrTx, email: string) {
  const [row] = await db
    .select({ id: users.id, disabledAt: users.disabledAt })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.toLowerCase()))
    .limit(1);
  return row ?? null;
}

// ---------------------------------------------------------------------------------------------------
// Staff invitations

export function invitedRoleLabel(role: Role, discipline: keyof typeof DISCIPLINE_LABELS | null): string {
  return role === "practitioner" && discipline ? `${ROLE_LABELS.practitioner} (${DISCIPLINE_LABELS[discipline]})` : ROLE_LABELS[role];
}

/** An admin invites someone to the team; inviting the same address again replaces the earlier link. */
export async function inviteStaff(tx: Tx, input: InviteInput & { actor: Actor }): Promise<{ invitationId: string }> {
  if (await userByEmail(tx, input.email)) throw emailInUse();
  const practitioner = input.role === "practitioner";
  if (practitioner) {
    const [place] = await tx.select({ id: locations.id }).from(locations).where(eq(locations.id, input.locationId!));
    if (!place) throw new DomainError("invalid", "location", { fields: { locationId: "location" } });
  }
  const { token, row } = await issueAccountToken(tx, {
    purpose: "staff_invite",
    email: input.email,
    name: input.name,
    role: input.role,
    discipline: practitioner ? input.discipline! : null,
    locationId: practitioner ? input.locationId! : null,
    createdBy: input.actor.id,
  });
  await enqueueEmail(tx, {
    kind: "staff_invite",
    to: row.email,
    content: accountLinkEmail({
      purpose: "staff_invite",
      name: input.name,
      url: accountLinkUrl(appBaseUrl(), token),
      validFor: validFor("staff_invite"),
      clinicName: (await getClinic(tx)).name,
      roleLabel: invitedRoleLabel(input.role, row.discipline),
    }),
  });
  await recordAuditEvent(tx, {
    actor: input.actor,
    action: "account.invited",
    entityType: "account_token",
    entityId: row.id,
    details: { role: input.role, discipline: row.discipline, locationId: row.locationId },
  });
  return { invitationId: row.id };
}

/** Ends an invitation that was not used yet: its link stops working at once. */
export async function revokeInvitation(tx: Tx, input: { invitationId: string; actor: Actor }): Promise<void> {
  const [row] = await tx
    .update(accountTokens)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(accountTokens.id, input.invitationId), eq(accountTokens.purpose, "staff_invite"), isNull(accountTokens.usedAt), isNull(accountTokens.revokedAt)))
    .returning({ id: accountTokens.id });
  if (!row) throw new DomainError("not_found", "invitation");
  await recordAuditEvent(tx, { actor: input.actor, action: "account.invitation_revoked", entityType: "account_token", entityId: row.id });
}

export type InvitationStatus = "pending" | "accepted" | "revoked" | "expired";

/** Invitations for the admin page, newest first, with where each stands. */
export async function listInvitations(db: DbOrTx, limit = 100) {
  const rows = await db
    .select({
      id: accountTokens.id,
      email: accountTokens.email,
      name: accountTokens.name,
      role: accountTokens.role,
      discipline: accountTokens.discipline,
      createdAt: accountTokens.createdAt,
      expiresAt: accountTokens.expiresAt,
      usedAt: accountTokens.usedAt,
      revokedAt: accountTokens.revokedAt,
      invitedBy: users.name,
    })
    .from(accountTokens)
    .leftJoin(users, eq(users.id, accountTokens.createdBy))
    .where(eq(accountTokens.purpose, "staff_invite"))
    .orderBy(desc(accountTokens.createdAt))
    .limit(limit);
  const now = Date.now();
  return rows.map((r) => ({
    ...r,
    status: (r.usedAt ? "accepted" : r.revokedAt ? "revoked" : r.expiresAt.getTime() <= now ? "expired" : "pending") as InvitationStatus,
  }));
}

// ---------------------------------------------------------------------------------------------------
// Portal access for patients

export type PortalInviteResult = { kind: "sent"; expiresAt: Date } | { kind: "already_sent"; expiresAt: Date } | { kind: "has_account" } | { kind: "email_in_use" } | { kind: "not_found" };

/**
 * Emails a patient without an account a link to choose a password; using it creates their account and
 * links it to this patient record. Call it inside the transaction that makes the patient's identity
 * certain (a verified email, or the front desk on the phone): the link goes to the record's email.
 *
 * Never throws for the ordinary cases (already has an account, the address belongs to another account,
 * a link sent in the last 10 minutes): it says what it did, so a caller's transaction goes on.
 */
export async function sendPortalInvite(tx: DbOrTx, input: { patientId: string; actor: Actor | null }): Promise<PortalInviteResult> {
  const [patient] = await tx
    .select({ id: patients.id, fullName: patients.fullName, email: patients.email, userId: patients.userId })
    .from(patients)
    .where(eq(patients.id, input.patientId))
    .for("update");
  if (!patient) return { kind: "not_found" };
  if (patient.userId) return { kind: "has_account" };
  if (await userByEmail(tx, patient.email)) return { kind: "email_in_use" };
  const [recent] = await tx
    .select({ expiresAt: accountTokens.expiresAt })
    .from(accountTokens)
    .where(
      and(
        eq(accountTokens.purpose, "portal_setup"),
        eq(accountTokens.patientId, patient.id),
        isNull(accountTokens.usedAt),
        isNull(accountTokens.revokedAt),
        sql`${accountTokens.createdAt} > now() - interval '10 minutes'`,
      ),
    )
    .limit(1);
  if (recent) return { kind: "already_sent", expiresAt: recent.expiresAt };
  const { token, row } = await issueAccountToken(tx, { purpose: "portal_setup", email: patient.email, patientId: patient.id, createdBy: input.actor?.id ?? null });
  await enqueueEmail(tx, {
    kind: "portal_setup",
    to: row.email,
    content: accountLinkEmail({
      purpose: "portal_setup",
      name: patient.fullName,
      url: accountLinkUrl(appBaseUrl(), token),
      validFor: validFor("portal_setup"),
      clinicName: (await getClinic(tx)).name,
    }),
  });
  await recordAuditEvent(tx, { actor: input.actor, action: "account.portal_invite_sent", patientId: patient.id, entityType: "account_token", entityId: row.id });
  return { kind: "sent", expiresAt: row.expiresAt };
}

// ---------------------------------------------------------------------------------------------------
// Forgot password

/**
 * Sends a reset link when `email` belongs to an active account, and does nothing otherwise: the caller
 * gives the same answer either way (rate limits are the caller's, counted for every address).
 */
export async function requestPasswordReset(db: Db, input: { email: string }): Promise<void> {
  await db.transaction(async (tx) => {
    const [user] = await tx
      .select({ id: users.id, name: users.name, email: users.email, role: users.role })
      .from(users)
      .where(and(eq(sql`lower(${users.email})`, input.email.toLowerCase()), isNull(users.disabledAt)))
      .limit(1);
    if (!user) return;
    const { token, row } = await issueAccountToken(tx, { purpose: "password_reset", email: user.email, userId: user.id });
    await enqueueEmail(tx, {
      kind: "password_reset",
      to: row.email,
      content: accountLinkEmail({ purpose: "password_reset", name: user.name, url: accountLinkUrl(appBaseUrl(), token), validFor: validFor("password_reset"), clinicName: (await getClinic(tx)).name }),
    });
    await recordAuditEvent(tx, { actor: null, action: "account.password_reset_requested", entityType: "user", entityId: user.id });
  });
}

// ---------------------------------------------------------------------------------------------------
// Using a link

export interface AccountLinkView {
  purpose: AccountTokenPurpose;
  email: string;
  name: string;
  roleLabel: string | null;
}

/** What the set-password page shows for a working link, or null (expired, used, revoked, made up). */
export async function describeAccountLink(db: DbOrTx, token: string): Promise<AccountLinkView | null> {
  const row = await findOpenAccountToken(db, token);
  if (!row) return null;
  if (row.purpose === "staff_invite") return { purpose: row.purpose, email: row.email, name: row.name ?? "", roleLabel: invitedRoleLabel(row.role!, row.discipline) };
  if (row.purpose === "portal_setup") {
    const [p] = await db.select({ fullName: patients.fullName }).from(patients).where(eq(patients.id, row.patientId!));
    return { purpose: row.purpose, email: row.email, name: p?.fullName ?? "", roleLabel: null };
  }
  const [u] = await db.select({ name: users.name }).from(users).where(eq(users.id, row.userId!));
  return { purpose: row.purpose, email: row.email, name: u?.name ?? "", roleLabel: null };
}

/**
 * Uses a link and sets the password it was sent for, in one transaction (a refusal uses nothing up):
 *   portal_setup   — a patient account, linked to the patient record
 *   staff_invite   — the account with the invited role (and, for a practitioner, their profile)
 *   password_reset — the new password; every session of the account ends and its sign-in lock clears
 * Returns what signing in needs.
 */
export async function completeAccountLink(db: Db, input: { token: string; password: string }): Promise<{ userId: string; email: string; role: Role; purpose: AccountTokenPurpose }> {
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.transaction(async (tx) => {
      const link = await consumeAccountToken(tx, input.token);
      if (!link) throw new DomainError("invalid_link");
      switch (link.purpose) {
        case "password_reset":
          return resetPassword(tx, link, passwordHash);
        case "portal_setup":
          return setUpPortal(tx, link, passwordHash);
        case "staff_invite":
          return acceptInvitation(tx, link, passwordHash);
      }
    });
  } catch (err) {
    // Two links for one address used at once: the unique email index decides.
    if (pgErrorCode(err) === PG.uniqueViolation) throw emailInUse();
    throw err;
  }
}

async function resetPassword(tx: Tx, link: AccountToken, passwordHash: string) {
  const [user] = await tx
    .update(users)
    .set({ passwordHash, passwordChangedAt: sql`now()` })
    .where(and(eq(users.id, link.userId!), isNull(users.disabledAt)))
    .returning({ id: users.id, email: users.email, role: users.role });
  if (!user) throw new DomainError("invalid_link");
  await revokeAllSessions(tx, user.id);
  await clear(tx, [accountKey(user.email)]);
  // Any other reset link of this account stops working too.
  await tx
    .update(accountTokens)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(accountTokens.userId, user.id), isNull(accountTokens.usedAt), isNull(accountTokens.revokedAt)));
  await recordAuditEvent(tx, { actor: { id: user.id, role: user.role }, action: "account.password_reset", entityType: "user", entityId: user.id });
  return { userId: user.id, email: user.email, role: user.role, purpose: link.purpose };
}

async function setUpPortal(tx: Tx, link: AccountToken, passwordHash: string) {
  const [patient] = await tx.select().from(patients).where(eq(patients.id, link.patientId!)).for("update");
  // The link was for this record at this address; a record that has an account or a new address since is not its.
  if (!patient || patient.userId || patient.email.toLowerCase() !== link.email) throw new DomainError("invalid_link");
  if (await userByEmail(tx, link.email)) throw emailInUse();
  const [user] = await tx.insert(users).values({ email: link.email, name: patient.fullName, passwordHash, role: "patient" }).returning({ id: users.id });
  await tx.update(patients).set({ userId: user!.id }).where(eq(patients.id, patient.id));
  await recordAuditEvent(tx, {
    actor: { id: user!.id, role: "patient" },
    action: "account.portal_created",
    patientId: patient.id,
    entityType: "user",
    entityId: user!.id,
    details: { linkId: link.id },
  });
  return { userId: user!.id, email: link.email, role: "patient" as const, purpose: link.purpose };
}

async function acceptInvitation(tx: Tx, link: AccountToken, passwordHash: string) {
  if (await userByEmail(tx, link.email)) throw emailInUse();
  const role = link.role!;
  const [user] = await tx.insert(users).values({ email: link.email, name: link.name!, passwordHash, role }).returning({ id: users.id });
  let practitionerId: string | null = null;
  if (role === "practitioner") {
    const [p] = await tx.insert(practitioners).values({ userId: user!.id, displayName: link.name!, discipline: link.discipline!, locationId: link.locationId }).returning({ id: practitioners.id });
    practitionerId = p!.id;
  }
  await recordAuditEvent(tx, {
    actor: { id: user!.id, role },
    action: "account.invitation_accepted",
    entityType: "user",
    entityId: user!.id,
    details: { invitationId: link.id, role, practitionerId },
  });
  return { userId: user!.id, email: link.email, role, purpose: link.purpose };
}
