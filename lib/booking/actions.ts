"use server";

import { headers } from "next/headers";
import { getDb } from "@/db/client";
import type { ActionResult } from "@/lib/actions/result";
import { markPublicAction } from "@/lib/actions/create-action";
import { getCurrentUser } from "@/lib/auth";
import { appBaseUrl } from "@/lib/http/base-url";
import { clientIp } from "@/lib/http/ip";
import { checkPublicLimit } from "@/lib/rate-limit/public";
import { nudgeDelivery } from "@/lib/jobs";
import { presentSlot } from "./present";
import { createAppointmentRequest } from "./create";
import { acceptProposal, cancelAppointment, rescheduleAppointment, resolveManageToken } from "./manage";
import { manageToken } from "./facts";
import { AppointmentRequestSchema, CancelSchema, EmailCodeSchema, IdempotencyKeySchema, RescheduleSchema } from "./schemas";
import { provenEmail } from "@/lib/verification/email-code";
import { z } from "zod";
import type { AppointmentStatus } from "@/lib/appointments/status";
import { createAction } from "@/lib/actions/create-action";
import { DomainError, actionError, actionErrorOf, errorText } from "@/lib/errors";
import { schemaFields } from "@/lib/actions/result";

export type Alternative = { practitionerId: string; start: string; end: string };
export type BookingActionData =
  { kind: "booked"; managePath: string; appointmentId: string } | { kind: "conflict"; code: "slot_taken" | "slot_unavailable"; message: string; alternatives: Alternative[] };

const LIMITED = actionError("rate_limited");

/** Public: the /book form's submit. Same schema, engine and checks as the API. */
export async function requestAppointmentAction(
  input: z.input<typeof AppointmentRequestSchema>,
  idempotencyKey: string,
  /** Not signed in: the code emailed to the address (sendBookingCodeAction), typed before sending. */
  emailCode?: z.input<typeof EmailCodeSchema>,
): Promise<ActionResult<BookingActionData>> {
  const h = await headers();
  const db = getDb();
  if (!(await checkPublicLimit(db, "appointment-requests", clientIp(h))).ok) return LIMITED;
  const parsed = AppointmentRequestSchema.safeParse(input);
  if (!parsed.success) return actionError("invalid", "answers", { fields: schemaFields(parsed.error) });
  const user = await getCurrentUser();
  let verifiedEmail: string | null = null;
  if (!user && emailCode !== undefined) {
    const code = EmailCodeSchema.safeParse(emailCode);
    if (!code.success) return actionError("invalid", "email_code_format", { fields: { emailCode: "email_code" } });
    const checked = await provenEmail(db, { ...code.data, email: parsed.data.patient.email });
    if (!checked.ok) {
      const refusal = actionError(checked.code, checked.key, { params: checked.params });
      return { ok: false, error: { ...refusal.error, fields: { emailCode: refusal.error.message } } };
    }
    verifiedEmail = parsed.data.patient.email;
  }
  const result = await submitBooking(parsed.data, idempotencyKey, user ? { id: user.id, role: user.role, patientId: user.patientId } : null, appBaseUrl(), verifiedEmail);
  return result instanceof DomainError ? actionErrorOf(result) : { ok: true, data: result };
}

/** Front desk: book for a patient on the phone — the same engine, checks and intake as the patient's own flow. */
export const bookForPatientAction = createAction(
  { schema: z.object({ request: AppointmentRequestSchema, idempotencyKey: z.string(), patientId: z.uuid().optional() }), roles: ["staff", "admin"] },
  async ({ request, idempotencyKey, patientId }, user) => {
    // From a patient's page: the booking joins that record (the desk then lands on /desk/appointments/<id>).
    const result = await submitBooking(request, idempotencyKey, { id: user.id, role: user.role }, appBaseUrl(), null, patientId ?? null);
    if (result instanceof DomainError) throw result;
    return result;
  },
);

async function submitBooking(
  request: z.infer<typeof AppointmentRequestSchema>,
  idempotencyKey: string,
  actor: { id: string; role: "patient" | "staff" | "practitioner" | "admin"; patientId?: string | null } | null,
  baseUrl: string,
  verifiedEmail: string | null = null,
  patientId: string | null = null,
): Promise<BookingActionData | DomainError> {
  const db = getDb();
  const key = IdempotencyKeySchema.safeParse(idempotencyKey);
  const outcome = await createAppointmentRequest(db, request, {
    actor,
    idempotencyKey: key.success ? `${actor?.role === "staff" || actor?.role === "admin" ? "desk" : "form"}:${key.data}` : null,
    baseUrl,
    verifiedEmail,
    patientId,
  });
  switch (outcome.kind) {
    case "created":
    case "replayed":
      await nudgeDelivery();
      return { kind: "booked", managePath: `/manage/${manageToken(outcome.appointment.id)}?new=1`, appointmentId: outcome.appointment.id };
    case "slot_taken":
    case "slot_unavailable":
      return { kind: "conflict", code: outcome.kind, message: errorText(outcome.kind), alternatives: outcome.alternatives.map((s) => presentSlot(s, outcome.timeZone)) };
    case "unknown_service":
      return new DomainError("invalid", "service_not_bookable", { fields: { service: "service_not_bookable" } });
    case "unknown_practitioner":
      return new DomainError("invalid", "practitioner_not_offering", { fields: { practitionerId: "practitioner_not_offering" } });
    case "key_reused":
      return new DomainError("key_reused");
  }
}

export type ManageActionData = { kind: "done"; status?: AppointmentStatus } | { kind: "conflict"; alternatives: Alternative[] };

async function manageContext() {
  const h = await headers();
  const db = getDb();
  if (!(await checkPublicLimit(db, "manage", clientIp(h))).ok) return null;
  return { db, baseUrl: appBaseUrl() };
}

/** Public, gated by the manage token: cancel. */
export async function cancelByTokenAction(input: z.input<typeof CancelSchema>): Promise<ActionResult<ManageActionData>> {
  const parsed = CancelSchema.safeParse(input);
  if (!parsed.success) return actionError("invalid", "check_answer", { fields: schemaFields(parsed.error) });
  const ctx = await manageContext();
  if (!ctx) return LIMITED;
  const state = await resolveManageToken(ctx.db, parsed.data.token);
  if (!state) return actionError("not_found", "link");
  const outcome = await cancelAppointment(ctx.db, { appointmentId: state.details.id, reason: parsed.data.reason, enforceCutoff: true, actor: null, baseUrl: ctx.baseUrl });
  if (outcome.kind === "done") {
    await nudgeDelivery();
    return { ok: true, data: { kind: "done" } };
  }
  if (outcome.kind === "not_allowed") return actionError(outcome.reason);
  return actionError("invalid", "cancel_failed");
}

/** Public, gated by the manage token: move to another free time of the same practitioner. */
export async function rescheduleByTokenAction(input: z.input<typeof RescheduleSchema>): Promise<ActionResult<ManageActionData>> {
  const parsed = RescheduleSchema.safeParse(input);
  if (!parsed.success) return actionError("invalid", "choose_time", { fields: schemaFields(parsed.error) });
  const ctx = await manageContext();
  if (!ctx) return LIMITED;
  const state = await resolveManageToken(ctx.db, parsed.data.token);
  if (!state) return actionError("not_found", "link");
  const outcome = await rescheduleAppointment(ctx.db, { appointmentId: state.details.id, start: new Date(parsed.data.start), enforceCutoff: true, actor: null, baseUrl: ctx.baseUrl });
  switch (outcome.kind) {
    case "done":
      await nudgeDelivery();
      return { ok: true, data: { kind: "done" } };
    case "not_allowed":
      return actionError(outcome.reason);
    default:
      return { ok: true, data: { kind: "conflict", alternatives: outcome.alternatives.map((s) => presentSlot(s, outcome.timeZone)) } };
  }
}

/** Public, gated by the manage token: accept the time the clinic proposed. */
export async function acceptProposalByTokenAction(input: z.input<typeof CancelSchema>): Promise<ActionResult<ManageActionData>> {
  const parsed = CancelSchema.safeParse(input);
  if (!parsed.success) return actionError("invalid", "link");
  const ctx = await manageContext();
  if (!ctx) return LIMITED;
  const state = await resolveManageToken(ctx.db, parsed.data.token);
  if (!state) return actionError("not_found", "link");
  const outcome = await acceptProposal(ctx.db, { appointmentId: state.details.id, baseUrl: ctx.baseUrl });
  if (outcome.kind === "done") {
    await nudgeDelivery();
    return { ok: true, data: { kind: "done", status: outcome.details.status } };
  }
  if (outcome.kind === "not_allowed") return actionError(outcome.reason);
  return actionError(outcome.kind, "proposal");
}

markPublicAction(requestAppointmentAction);
markPublicAction(acceptProposalByTokenAction);
markPublicAction(cancelByTokenAction);
markPublicAction(rescheduleByTokenAction);
