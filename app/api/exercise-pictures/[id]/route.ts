import { requireApiUser } from "@/lib/auth";
import { getExercisePicture } from "@/lib/exercises/http";
import { apiRoute } from "@/lib/http/api";

export const dynamic = "force-dynamic";

/** An uploaded exercise picture, for anyone signed in (lib/exercises/http.ts). */
export const GET = apiRoute(async (_req, { params }: { params: Promise<{ id: string }> }) => {
  await requireApiUser();
  return getExercisePicture((await params).id);
});
