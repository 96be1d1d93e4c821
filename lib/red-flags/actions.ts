"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { createFormAction } from "@/lib/actions/create-action";
import { clearRedFlag } from "./flags";
import { ClearRedFlagSchema } from "./schemas";

/** A clinician clears one red flag with a note; who may is the policy's (enforced in clearRedFlag). */
export const clearRedFlagAction = createFormAction({ schema: ClearRedFlagSchema, roles: ["practitioner"] }, async ({ flagId, caseId, note }, user) => {
  await getDb().transaction((tx) => clearRedFlag(tx, { flagId, note, viewer: user }));
  revalidatePath(`/cases/${caseId}`);
  revalidatePath("/cases");
  revalidatePath("/desk", "layout");
  return { flagId };
});
