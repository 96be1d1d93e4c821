"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { createAction } from "@/lib/actions/create-action";
import { recordAuditEvent } from "@/lib/audit";
import { setUserDisabled } from "./accounts";
import { SetUserDisabledSchema } from "./schemas";

export const setUserDisabledAction = createAction({ schema: SetUserDisabledSchema, roles: ["admin"] }, async (input, user) => {
  await getDb().transaction(async (tx) => {
    await setUserDisabled(tx, { ...input, actorId: user.id });
    await recordAuditEvent(tx, {
      actor: user,
      action: input.disabled ? "account.disabled" : "account.enabled",
      entityType: "user",
      entityId: input.userId,
    });
  });
  revalidatePath("/admin/users");
  return { userId: input.userId, disabled: input.disabled };
});
