import { getPublicLocations } from "@/lib/clinic/http";
import { apiRoute } from "@/lib/http/api";

export const dynamic = "force-dynamic";

/** Public: the clinic's locations and their time zones (lib/clinic/http.ts). */
export const GET = apiRoute((req) => getPublicLocations(req));
