import { getPublicPractitioners } from "@/lib/clinic/http";
import { apiRoute } from "@/lib/http/api";

export const dynamic = "force-dynamic";

/** Public: who works here and which services each offers (lib/clinic/http.ts). */
export const GET = apiRoute((req) => getPublicPractitioners(req));
