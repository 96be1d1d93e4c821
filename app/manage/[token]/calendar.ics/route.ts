import { getDb } from "@/db/client";
import { resolveManageToken } from "@/lib/booking/manage";
import { appointmentIcs } from "@/lib/calendar/ics";
import { apiRoute, errorResponse } from "@/lib/http/api";
import { DomainError } from "@/lib/errors";
import { appBaseUrl } from "@/lib/http/base-url";
import { clientIp } from "@/lib/http/ip";
import { enforcePublicLimit } from "@/lib/rate-limit/public";

export const dynamic = "force-dynamic";

/** Public, gated by the manage token: the appointment as an .ics file. */
export const GET = apiRoute(async (req, { params }: { params: Promise<{ token: string }> }) => {
  const { token } = await params;
  await enforcePublicLimit(getDb(), "manage", clientIp(req.headers));
  const state = await resolveManageToken(getDb(), token);
  if (!state) return errorResponse(new DomainError("not_found", "link"));
  const d = state.details;
  const body = appointmentIcs({
    id: d.id,
    startsAt: d.startsAt,
    endsAt: d.endsAt,
    status: d.status,
    summary: `${d.serviceName} with ${d.practitionerName}`,
    location: `${d.locationName}, ${d.locationAddress}`,
    description: `Backline spine & massage clinic. Change or cancel: ${appBaseUrl()}/manage/${token}`,
    url: `${appBaseUrl()}/manage/${token}`,
    updatedAt: d.updatedAt,
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'attachment; filename="backline-appointment.ics"',
      "Cache-Control": "no-store",
    },
  });
});
