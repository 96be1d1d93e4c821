"use server";

import { revalidatePath } from "next/cache";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { PG, pgErrorCode } from "@/db/errors";
import { exercises, regimenTemplates } from "@/db/schema";
import { createAction, createFormAction } from "@/lib/actions/create-action";
import { recordAuditEvent } from "@/lib/audit";
import { DomainError } from "@/lib/errors";
import { appBaseUrl } from "@/lib/http/base-url";
import { nudgeDelivery } from "@/lib/jobs";
import { saveRegimen } from "./regimens";
import { ExerciseSchema, RegimenSchema, TemplateSchema } from "./schemas";

/** The regimen builder's save: a new version for the case's patient, who is notified. */
export const saveRegimenAction = createAction({ schema: RegimenSchema, roles: ["practitioner"] }, async (input, user) => {
  const portalUrl = `${appBaseUrl()}/portal`;
  const result = await getDb().transaction((tx) => saveRegimen(tx, input, user, portalUrl));
  await nudgeDelivery();
  revalidatePath(`/cases/${input.caseId}`);
  return result;
});

export const saveTemplateAction = createAction({ schema: TemplateSchema, roles: ["practitioner"] }, async (input, user) => {
  try {
    const [row] = await getDb()
      .insert(regimenTemplates)
      .values({ ...input, createdBy: user.id })
      .returning({ id: regimenTemplates.id });
    return { templateId: row!.id };
  } catch (err) {
    if (pgErrorCode(err) === PG.uniqueViolation) throw new DomainError("invalid", "template_name_taken", { fields: { name: "template_name_taken" } });
    throw err;
  }
});

/** Practitioners and admins add and edit exercises in the library. */
export const saveExerciseAction = createFormAction({ schema: ExerciseSchema, roles: ["practitioner", "admin"] }, async ({ id, mediaUrl, ...values }, user) => {
  const db = getDb();
  const slug = values.name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  const saved = await db.transaction(async (tx) => {
    const row = id
      ? (
          await tx
            .update(exercises)
            .set({ ...values, mediaUrl: mediaUrl || null, updatedBy: user.id, updatedAt: sql`now()` })
            .where(eq(exercises.id, id))
            .returning({ id: exercises.id })
        )[0]
      : (
          await tx
            .insert(exercises)
            .values({ ...values, slug: `${slug}-${crypto.randomUUID().slice(0, 4)}`, mediaUrl: mediaUrl || null, updatedBy: user.id })
            .returning({ id: exercises.id })
        )[0];
    if (!row) throw new DomainError("not_found", "exercise");
    await recordAuditEvent(tx, { actor: user, action: id ? "exercise.updated" : "exercise.created", entityType: "exercise", entityId: row.id });
    return row;
  });
  revalidatePath("/cases/exercises");
  return { exerciseId: saved.id };
});
