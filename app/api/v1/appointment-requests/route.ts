import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { createAppointmentRequest } from "@/lib/booking/create";
import { AppointmentRequestSchema, IdempotencyKeySchema } from "@/lib/booking/schemas";
import { bookingOutcomeResponse } from "@/lib/booking/api";
import { apiRoute } from "@/lib/http/api";
import { DomainError } from "@/lib/errors";
import { appBaseUrl } from "@/lib/http/base-url";
import { readJsonBody } from "@/lib/http/body";
import { clientIp } from "@/lib/http/ip";
import { enforcePublicLimit } from "@/lib/rate-limit/public";
import { nudgeDelivery } from "@/lib/jobs";

export const dynamic = "force-dynamic";

/** Public: request an appointment. Idempotent with an Idempotency-Key header; rate limited per address. */
export const POST = apiRoute(async (req) => {
  const db = getDb();
  await enforcePublicLimit(db, "appointment-requests", clientIp(req.headers));
  const keyHeader = req.headers.get("idempotency-key");
  const key = keyHeader === null ? null : IdempotencyKeySchema.safeParse(keyHeader);
  if (key && !key.success) throw new DomainError("invalid_idempotency_key");
  const body = await readJsonBody(req);
  const input = AppointmentRequestSchema.parse(body);
  const outcome = await createAppointmentRequest(db, input, {
    actor: null,
    idempotencyKey: key?.success ? `api:${key.data}` : null,
    baseUrl: appBaseUrl(),
  });
  if (outcome.kind === "created") await nudgeDelivery();
  const { status, body: payload } = bookingOutcomeResponse(outcome);
  return NextResponse.json(payload, { status });
});
