import "server-only";
import { createHash } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { exercises, exerciseUploads } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth";
import { recordAuditEvent } from "@/lib/audit";
import { DomainError } from "@/lib/errors";
import type { ExercisePictureInput, UploadType } from "./uploads";

export const uploadUrl = (id: string) => `/api/exercise-pictures/${id}`;

/**
 * Stores a practitioner's picture for an exercise's start or end position and makes it the one shown,
 * with its alt text, licence and attribution. Earlier uploads stay (a version that was shown can be
 * traced); only the exercise's picture changes.
 */
export async function storeExercisePicture(db: Db, input: ExercisePictureInput & { bytes: Uint8Array; type: UploadType }, actor: CurrentUser) {
  return db.transaction(async (tx) => {
    const [exercise] = await tx.select({ id: exercises.id }).from(exercises).where(eq(exercises.id, input.exerciseId)).for("update");
    if (!exercise) throw new DomainError("not_found", "exercise");
    const bytes = Buffer.from(input.bytes);
    const [row] = await tx
      .insert(exerciseUploads)
      .values({ exerciseId: exercise.id, contentType: input.type, bytes, byteSize: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex"), uploadedBy: actor.id })
      .returning({ id: exerciseUploads.id });
    const url = uploadUrl(row!.id);
    await tx
      .update(exercises)
      .set({
        ...(input.phase === "start" ? { pictureStartUrl: url, pictureStartAlt: input.alt } : { pictureEndUrl: url, pictureEndAlt: input.alt }),
        pictureLicence: input.licence,
        pictureAttribution: input.attribution,
        updatedBy: actor.id,
        updatedAt: sql`now()`,
      })
      .where(eq(exercises.id, exercise.id));
    await recordAuditEvent(tx, { actor, action: "exercise.picture_uploaded", entityType: "exercise", entityId: exercise.id, details: { upload: row!.id, phase: input.phase } });
    return { uploadId: row!.id, url };
  });
}

/** An uploaded picture's bytes and type, or null. */
export async function loadUpload(db: DbOrTx, id: string) {
  const [row] = await db.select({ contentType: exerciseUploads.contentType, bytes: exerciseUploads.bytes }).from(exerciseUploads).where(eq(exerciseUploads.id, id));
  return row ?? null;
}
