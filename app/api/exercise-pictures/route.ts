import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { requireApiRole } from "@/lib/auth";
import { DomainError } from "@/lib/errors";
import { storeExercisePicture } from "@/lib/exercises/library";
import { ExercisePictureSchema, UPLOAD_MAX_BYTES, checkUpload } from "@/lib/exercises/uploads";
import { ApiError, apiRoute } from "@/lib/http/api";

export const dynamic = "force-dynamic";

/**
 * A practitioner or admin uploads a start or end picture for an exercise (multipart form: exerciseId,
 * phase, alt, licence, attribution, file). Bad input answers 400 with field errors and stores nothing.
 */
export const POST = apiRoute(async (req) => {
  const user = await requireApiRole("practitioner", "admin");
  // Refused before reading: the body is the file plus a few short fields.
  if (Number(req.headers.get("content-length") ?? 0) > UPLOAD_MAX_BYTES + 64 * 1024) throw new ApiError(413, "too_large", "The picture is larger than 2 MB.", { fields: { file: "The picture is larger than 2 MB; please use a smaller one" } });
  const form = await req.formData().catch(() => null);
  if (!form) throw new ApiError(400, "invalid", "Send the picture as a form upload.");
  const fields = Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === "string"));
  const parsed = ExercisePictureSchema.safeParse(fields);
  const file = form.get("file");
  const bytes = file instanceof Blob ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array();
  const checked = checkUpload(bytes);
  const errors: Record<string, string> = {};
  if (!parsed.success) for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
  if (!checked.ok) errors.file = checked.message;
  if (!parsed.success || !checked.ok) throw new ApiError(400, "invalid", "Please correct the highlighted fields.", { fields: errors });
  try {
    const stored = await storeExercisePicture(getDb(), { ...parsed.data, bytes, type: checked.type }, user);
    return NextResponse.json(stored, { status: 201 });
  } catch (err) {
    if (err instanceof DomainError) throw new ApiError(err.code === "not_found" ? 404 : 400, err.code, err.message);
    throw err;
  }
});
