import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { users } from "@/db/schema";
import { revokeAllSessions } from "@/lib/auth/sessions";
import { DomainError } from "@/lib/errors";

/**
 * Disabling an account ends all its sessions at once and blocks sign-in; enabling lets the person sign in
 * again (their old sessions stay ended).
 */
export async function setUserDisabled(tx: Tx, input: { userId: string; disabled: boolean; actorId: string }) {
  if (input.userId === input.actorId && input.disabled) {
    throw new DomainError("self_disable");
  }
  const [row] = await tx
    .update(users)
    .set({ disabledAt: input.disabled ? sql`coalesce(${users.disabledAt}, now())` : null })
    .where(eq(users.id, input.userId))
    .returning({ id: users.id });
  if (!row) throw new DomainError("not_found", "account");
  if (input.disabled) await revokeAllSessions(tx, input.userId);
}
