import { getPublicServices } from "@/lib/clinic/http";
import { apiRoute } from "@/lib/http/api";

export const dynamic = "force-dynamic";

/** Public: the services patients can book online (lib/clinic/http.ts). */
export const GET = apiRoute((req) => getPublicServices(req));
