import { postAppointmentRequest } from "@/lib/booking/http";
import { apiRoute } from "@/lib/http/api";

export const dynamic = "force-dynamic";

/** Public: request an appointment (lib/booking/http.ts). */
export const POST = apiRoute((req) => postAppointmentRequest(req));
