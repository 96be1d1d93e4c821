import "server-only";
import { NextResponse } from "next/server";
import { z } from "zod";
import { getDb } from "@/db/client";
import { appointmentIcs } from "@/lib/calendar/ics";
import { DomainError } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/audit";
import { appBaseUrl } from "@/lib/http/base-url";
import { readJsonBody } from "@/lib/http/body";
import { clientIp } from "@/lib/http/ip";
import { nudgeDelivery } from "@/lib/jobs";
import { apiReadLimitPerMinute, enforcePublicLimit } from "@/lib/rate-limit/public";
import { verifyRequestByCode } from "@/lib/verification/requests";
import { bookingOutcomeResponse } from "./api";
import { createAppointmentRequest } from "./create";
import { loadAppointmentDetails, manageUrl } from "./facts";
import { resolveManageToken } from "./manage";
import { isoInZone, presentSlot } from "./present";
import { MAX_RANGE_DAYS, getPublicFreeSlots } from "@/lib/availability";
import { getClinic } from "@/lib/clinic/context";
import { locationExists } from "@/lib/clinic/queries";
import { addDaysIso, describeTimeZone, formatDateTime } from "@/lib/time";
import { AppointmentRequestSchema, IdempotencyKeySchema, SlotsQuerySchema, VerificationCodeSchema } from "./schemas";

/**
 * The public booking API's handlers (app/api/v1/... only route to these): who asks (anyone, rate limited
 * per address), what (the shared schemas), do it, answer in the one error model.
 */

/**
 * GET /api/v1/slots: free start times of a service, for one practitioner or "first available", at one
 * location (its hours, answered in its zone) or, without `location`, in the clinic's main location's zone.
 */
export async function getSlots(req: Request): Promise<Response> {
  const db = getDb();
  await enforcePublicLimit(db, "api-read", clientIp(req.headers), apiReadLimitPerMinute());
  const query = SlotsQuerySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
  if (query.to > addDaysIso(query.from, MAX_RANGE_DAYS - 1)) throw new DomainError("range_too_long", "default", { params: { days: MAX_RANGE_DAYS } });
  if (query.location && !(await locationExists(db, query.location))) throw new DomainError("not_found", "location");
  const result = await getPublicFreeSlots(db, { serviceSlug: query.service, practitionerId: query.practitioner, locationId: query.location, from: query.from, to: query.to });
  if (!result.service) throw new DomainError("unknown_service");
  return NextResponse.json({ timeZone: result.timeZone, slots: result.slots.map((s) => presentSlot(s, result.timeZone)) }, { headers: { "Cache-Control": "no-store" } });
}

/** POST /api/v1/appointment-requests. Idempotent with an Idempotency-Key header. */
export async function postAppointmentRequest(req: Request): Promise<Response> {
  const db = getDb();
  await enforcePublicLimit(db, "appointment-requests", clientIp(req.headers));
  const keyHeader = req.headers.get("idempotency-key");
  const key = keyHeader === null ? null : IdempotencyKeySchema.safeParse(keyHeader);
  if (key && !key.success) throw new DomainError("invalid_idempotency_key");
  const input = AppointmentRequestSchema.parse(await readJsonBody(req));
  const outcome = await createAppointmentRequest(db, input, { actor: null, idempotencyKey: key?.success ? `api:${key.data}` : null, baseUrl: appBaseUrl() });
  if (outcome.kind === "created") await nudgeDelivery();
  const { status, body } = bookingOutcomeResponse(outcome, await getClinic());
  return NextResponse.json(body, { status });
}

/** POST /api/v1/appointment-requests/{id}/verification: 200 with the routed status; 422 wrong code; 410 expired. */
export async function postVerification(req: Request, id: string): Promise<Response> {
  const db = getDb();
  await enforcePublicLimit(db, "verification", clientIp(req.headers));
  if (!z.uuid().safeParse(id).success) throw new DomainError("not_found", "pending_request");
  const { code } = VerificationCodeSchema.parse(await readJsonBody(req));
  const baseUrl = appBaseUrl();
  const outcome = await verifyRequestByCode(db, { appointmentId: id, code, baseUrl });
  switch (outcome.kind) {
    case "verified": {
      await nudgeDelivery();
      const d = (await loadAppointmentDetails(db, id))!;
      return NextResponse.json({
        id,
        status: outcome.status,
        priority: outcome.triage.priority,
        start: isoInZone(d.startsAt, d.timeZone),
        end: isoInZone(d.endsAt, d.timeZone),
        manageUrl: manageUrl(baseUrl, id),
        nextStep: outcome.triage.nextStep,
      });
    }
    case "wrong_code":
      throw new DomainError("wrong_code", "default", { params: { attemptsLeft: outcome.attemptsLeft }, extra: { attemptsLeft: outcome.attemptsLeft } });
    case "expired":
      throw new DomainError("expired", "api");
    case "not_pending":
      throw new DomainError("not_found", "pending_request");
  }
}

/** GET /manage/{token}/calendar.ics: the appointment as a calendar file, for whoever holds the link. */
export async function getAppointmentCalendarFile(req: Request, token: string): Promise<Response> {
  const db = getDb();
  await enforcePublicLimit(db, "manage", clientIp(req.headers));
  const state = await resolveManageToken(db, token);
  if (!state) throw new DomainError("not_found", "link");
  const d = state.details;
  await recordAuditEvent(db, { actor: null, action: "appointment.calendar_downloaded", patientId: d.patientId, entityType: "appointment", entityId: d.id });
  const link = `${appBaseUrl()}/manage/${token}`;
  const body = appointmentIcs({
    id: d.id,
    startsAt: d.startsAt,
    endsAt: d.endsAt,
    status: d.status,
    summary: `${d.serviceName} with ${d.practitionerName}`,
    location: `${d.locationName}, ${d.locationAddress}`,
    // DTSTART/DTEND are UTC (every calendar app shows them in its own zone); the text says the clinic's local time.
    description: `${formatDateTime(d.startsAt, d.timeZone)} at ${d.locationName} (${describeTimeZone(d.timeZone, d.startsAt)}). ${d.clinicName}. Change or cancel: ${link}`,
    url: link,
    updatedAt: d.updatedAt,
  });
  return new Response(body, {
    headers: { "Content-Type": "text/calendar; charset=utf-8", "Content-Disposition": 'attachment; filename="backline-appointment.ics"', "Cache-Control": "no-store" },
  });
}
