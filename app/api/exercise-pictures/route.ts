import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { requireApiRole } from "@/lib/auth";
import { DomainError } from "@/lib/errors";
import { storeExercisePicture } from "@/lib/exercises/library";
import { ExercisePictureSchema, UPLOAD_MAX_BYTES, checkUpload } from "@/lib/exercises/uploads";
import { apiRoute } from "@/lib/http/api";

export const dynamic = "force-dynamic";

/**
 * A practitioner or admin uploads a start or end picture for an exercise (multipart form: exerciseId,
 * phase, alt, licence, attribution, file). Bad input answers 400 with field errors and stores nothing.
 */
export const POST = apiRoute(async (req) => {
  const user = await requireApiRole("practitioner", "admin");
  // Refused before reading: the body is the file plus a few short fields.
  if (Number(req.headers.get("content-length") ?? 0) > UPLOAD_MAX_BYTES + 64 * 1024) throw new DomainError("too_large", "default", { fields: { file: "picture_too_large" } });
  const form = await req.formData().catch(() => null);
  if (!form) throw new DomainError("invalid", "upload_form");
  const fields = Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === "string"));
  const parsed = ExercisePictureSchema.safeParse(fields);
  const file = form.get("file");
  const bytes = file instanceof Blob ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array();
  const checked = checkUpload(bytes);
  const errors: Record<string, string> = {};
  if (!parsed.success) for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
  if (!checked.ok) errors.file = checked.message;
  if (!parsed.success || !checked.ok) throw new DomainError("invalid", "default", { fields: Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, { text: v }])) });
  const stored = await storeExercisePicture(getDb(), { ...parsed.data, bytes, type: checked.type }, user);
  return NextResponse.json(stored, { status: 201 });
});
