import { requireApiRole } from "@/lib/auth";
import { postExercisePicture } from "@/lib/exercises/http";
import { apiRoute } from "@/lib/http/api";

export const dynamic = "force-dynamic";

/** A practitioner or admin uploads an exercise picture (lib/exercises/http.ts). */
export const POST = apiRoute(async (req) => postExercisePicture(req, await requireApiRole("practitioner", "admin")));
