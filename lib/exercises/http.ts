import "server-only";
import { NextResponse } from "next/server";
import { z } from "zod";
import { getDb } from "@/db/client";
import type { CurrentUser } from "@/lib/auth";
import { DomainError } from "@/lib/errors";
import { loadUpload, storeExercisePicture } from "./library";
import { ExercisePictureSchema, UPLOAD_MAX_BYTES, checkUpload } from "./uploads";

/**
 * A practitioner or admin uploads a start or end picture for an exercise (multipart form: exerciseId,
 * phase, alt, licence, attribution, file). Bad input answers 400 with field errors and stores nothing.
 */
export async function postExercisePicture(req: Request, user: CurrentUser): Promise<Response> {
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
}

/**
 * An uploaded exercise picture, for anyone signed in (patients see them on their plan). Served as the
 * type its bytes were checked to be, never sniffed by the browser, never able to run anything.
 */
export async function getExercisePicture(id: string): Promise<Response> {
  if (!z.uuid().safeParse(id).success) throw new DomainError("not_found", "picture");
  const upload = await loadUpload(getDb(), id);
  if (!upload) throw new DomainError("not_found", "picture");
  return new Response(new Uint8Array(upload.bytes), {
    headers: {
      "Content-Type": upload.contentType,
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Content-Disposition": `inline; filename="exercise-${id}.${upload.contentType.split("/")[1]}"`,
      // Each upload has an id of its own and never changes.
      "Cache-Control": "private, max-age=31536000, immutable",
    },
  });
}
