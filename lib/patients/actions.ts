"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { createAction } from "@/lib/actions/create-action";
import { updatePatientContact } from "./commands";
import { UpdateContactSchema } from "./schemas";

/** The desk edits a patient's contact details (audited: which fields changed). */
export const updatePatientContactAction = createAction({ schema: UpdateContactSchema, roles: ["staff", "admin"] }, async (input, user) => {
  const result = await getDb().transaction((tx) => updatePatientContact(tx, { ...input, actor: user }));
  revalidatePath(`/desk/patients/${input.patientId}`);
  return result;
});
