import { z } from "zod";
import { getDb } from "@/db/client";
import { requireApiUser } from "@/lib/auth";
import { loadUpload } from "@/lib/exercises/library";
import { apiRoute } from "@/lib/http/api";
import { DomainError } from "@/lib/errors";

export const dynamic = "force-dynamic";

/**
 * An uploaded exercise picture, for anyone signed in (patients see them on their plan). Served as the
 * type its bytes were checked to be, never sniffed by the browser, never able to run anything.
 */
export const GET = apiRoute(async (_req, { params }: { params: Promise<{ id: string }> }) => {
  await requireApiUser();
  const { id } = await params;
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
});
