import { getAppointmentCalendarFile } from "@/lib/booking/http";
import { apiRoute } from "@/lib/http/api";

export const dynamic = "force-dynamic";

/** Public, gated by the manage token: the appointment as an .ics file (lib/booking/http.ts). */
export const GET = apiRoute(async (req, { params }: { params: Promise<{ token: string }> }) => getAppointmentCalendarFile(req, (await params).token));
