import { NextResponse } from "next/server";
import { z } from "zod";
import { getDb } from "@/db/client";
import { loadAppointmentDetails, manageUrl } from "@/lib/booking/facts";
import { isoInZone } from "@/lib/booking/present";
import { VerificationCodeSchema } from "@/lib/booking/schemas";
import { apiRoute } from "@/lib/http/api";
import { DomainError } from "@/lib/errors";
import { appBaseUrl } from "@/lib/http/base-url";
import { clientIp } from "@/lib/http/ip";
import { nudgeDelivery } from "@/lib/jobs";
import { enforcePublicLimit } from "@/lib/rate-limit/public";
import { verifyRequestByCode } from "@/lib/verification/requests";

export const dynamic = "force-dynamic";

/**
 * Public: the code emailed for a pending request. 200 with the routed status; a wrong code 422 (five
 * wrong codes end the request: 410); an unknown or no longer pending request 404.
 */
export const POST = apiRoute(async (req, { params }: { params: Promise<{ id: string }> }) => {
  const db = getDb();
  await enforcePublicLimit(db, "verification", clientIp(req.headers));
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) throw new DomainError("not_found", "pending_request");
  const { code } = VerificationCodeSchema.parse(await req.json());
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
});
