import { getSlots } from "@/lib/booking/http";
import { apiRoute } from "@/lib/http/api";

export const dynamic = "force-dynamic";

/** Public: free start times of a service (lib/booking/http getSlots). */
export const GET = apiRoute(getSlots);
