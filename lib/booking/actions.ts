"use server";

import { headers } from "next/headers";
import { getDb } from "@/db/client";
import { fieldErrorsOf, type ActionResult } from "@/lib/actions/result";
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
import { DomainError } from "@/lib/errors";

export type Alternative = { practitionerId: string; start: string; end: string };
export type BookingActionData =
  | { kind: "booked"; managePath: string }
  | { kind: "conflict"; code: "slot_taken" | "slot_unavailable"; alternatives: Alternative[] };

const LIMITED = { ok: false as const, error: { code: "rate_limited", message: "Too many attempts from your connection. Please wait a minute and try again." } };

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
  if (!parsed.success) return { ok: false, error: { code: "invalid", message: "Please correct the highlighted answers.", fields: fieldErrorsOf(parsed.error) } };
  const user = await getCurrentUser();
  let verifiedEmail: string | null = null;
  if (!user && emailCode !== undefined) {
    const code = EmailCodeSchema.safeParse(emailCode);
    if (!code.success) return { ok: false, error: { code: "invalid", message: "Enter the 6-digit code we emailed you.", fields: { emailCode: "Enter the 6-digit code from the email" } } };
    const checked = await provenEmail(db, { ...code.data, email: parsed.data.patient.email });
    if (!checked.ok) return { ok: false, error: { code: "wrong_code", message: checked.message, fields: { emailCode: checked.message } } };
    verifiedEmail = parsed.data.patient.email;
  }
  return submitBooking(parsed.data, idempotencyKey, user ? { id: user.id, role: user.role, patientId: user.patientId } : null, appBaseUrl(), verifiedEmail);
}

/** Front desk: book for a patient on the phone — the same engine, checks and intake as the patient's own flow. */
export const bookForPatientAction = createAction(
  { schema: z.object({ request: AppointmentRequestSchema, idempotencyKey: z.string() }), roles: ["staff", "admin"] },
  async ({ request, idempotencyKey }, user) => {
    const result = await submitBooking(request, idempotencyKey, { id: user.id, role: user.role }, appBaseUrl());
    if (!result.ok) throw new DomainError(result.error.code, result.error.message, result.error.fields);
    return result.data;
  },
);

async function submitBooking(
  request: z.infer<typeof AppointmentRequestSchema>,
  idempotencyKey: string,
  actor: { id: string; role: "patient" | "staff" | "practitioner" | "admin"; patientId?: string | null } | null,
  baseUrl: string,
  verifiedEmail: string | null = null,
): Promise<ActionResult<BookingActionData>> {
  const db = getDb();
  const key = IdempotencyKeySchema.safeParse(idempotencyKey);
  const outcome = await createAppointmentRequest(db, request, {
    actor,
    idempotencyKey: key.success ? `${actor?.role === "staff" || actor?.role === "admin" ? "desk" : "form"}:${key.data}` : null,
    baseUrl,
    verifiedEmail,
  });
  switch (outcome.kind) {
    case "created":
    case "replayed":
      await nudgeDelivery();
      return { ok: true, data: { kind: "booked", managePath: `/manage/${manageToken(outcome.appointment.id)}?new=1` } };
    case "slot_taken":
    case "slot_unavailable":
      return { ok: true, data: { kind: "conflict", code: outcome.kind, alternatives: outcome.alternatives.map((s) => presentSlot(s, outcome.timeZone)) } };
    case "unknown_service":
      return { ok: false, error: { code: "invalid", message: "That service cannot be booked online.", fields: { service: "Choose another service" } } };
    case "unknown_practitioner":
      return { ok: false, error: { code: "invalid", message: "That practitioner does not offer this service.", fields: { practitionerId: "Choose another practitioner" } } };
    case "key_reused":
      return { ok: false, error: { code: "key_reused", message: "This form was already sent with other answers. Please reload the page and try again." } };
  }
}

export type ManageActionData = { kind: "done"; status?: AppointmentStatus } | { kind: "conflict"; alternatives: Alternative[] };

async function manageContext() {
  const h = await headers();
  const db = getDb();
  if (!(await checkPublicLimit(db, "manage", clientIp(h))).ok) return null;
  return { db, baseUrl: appBaseUrl() };
}

const NOT_ALLOWED = {
  cancelled: "This appointment is cancelled, so it can no longer be changed.",
  past_cutoff: "It is too close to the appointment to change it online. Please call the clinic.",
  gone: "This link no longer works.",
} as const;

/** Public, gated by the manage token: cancel. */
export async function cancelByTokenAction(input: z.input<typeof CancelSchema>): Promise<ActionResult<ManageActionData>> {
  const parsed = CancelSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: { code: "invalid", message: "Please check your answer.", fields: fieldErrorsOf(parsed.error) } };
  const ctx = await manageContext();
  if (!ctx) return LIMITED;
  const state = await resolveManageToken(ctx.db, parsed.data.token);
  if (!state) return { ok: false, error: { code: "not_found", message: NOT_ALLOWED.gone } };
  const outcome = await cancelAppointment(ctx.db, { appointmentId: state.details.id, reason: parsed.data.reason, enforceCutoff: true, actor: null, baseUrl: ctx.baseUrl });
  if (outcome.kind === "done") {
    await nudgeDelivery();
    return { ok: true, data: { kind: "done" } };
  }
  if (outcome.kind === "not_allowed") return { ok: false, error: { code: outcome.reason, message: NOT_ALLOWED[outcome.reason] } };
  return { ok: false, error: { code: "invalid", message: "Could not cancel." } };
}

/** Public, gated by the manage token: move to another free time of the same practitioner. */
export async function rescheduleByTokenAction(input: z.input<typeof RescheduleSchema>): Promise<ActionResult<ManageActionData>> {
  const parsed = RescheduleSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: { code: "invalid", message: "Please choose a time.", fields: fieldErrorsOf(parsed.error) } };
  const ctx = await manageContext();
  if (!ctx) return LIMITED;
  const state = await resolveManageToken(ctx.db, parsed.data.token);
  if (!state) return { ok: false, error: { code: "not_found", message: NOT_ALLOWED.gone } };
  const outcome = await rescheduleAppointment(ctx.db, { appointmentId: state.details.id, start: new Date(parsed.data.start), enforceCutoff: true, actor: null, baseUrl: ctx.baseUrl });
  switch (outcome.kind) {
    case "done":
      await nudgeDelivery();
      return { ok: true, data: { kind: "done" } };
    case "not_allowed":
      return { ok: false, error: { code: outcome.reason, message: NOT_ALLOWED[outcome.reason] } };
    default:
      return { ok: true, data: { kind: "conflict", alternatives: outcome.alternatives.map((s) => presentSlot(s, outcome.timeZone)) } };
  }
}

/** Public, gated by the manage token: accept the time the clinic proposed. */
export async function acceptProposalByTokenAction(input: z.input<typeof CancelSchema>): Promise<ActionResult<ManageActionData>> {
  const parsed = CancelSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: { code: "invalid", message: "This link is not valid." } };
  const ctx = await manageContext();
  if (!ctx) return LIMITED;
  const state = await resolveManageToken(ctx.db, parsed.data.token);
  if (!state) return { ok: false, error: { code: "not_found", message: NOT_ALLOWED.gone } };
  const outcome = await acceptProposal(ctx.db, { appointmentId: state.details.id, baseUrl: ctx.baseUrl });
  if (outcome.kind === "done") {
    await nudgeDelivery();
    return { ok: true, data: { kind: "done", status: outcome.details.status } };
  }
  if (outcome.kind === "not_allowed") return { ok: false, error: { code: outcome.reason, message: NOT_ALLOWED[outcome.reason] } };
  return { ok: false, error: { code: outcome.kind, message: "Sorry — that time has just been taken. Please choose another time or call the clinic." } };
}

markPublicAction(requestAppointmentAction);
markPublicAction(acceptProposalByTokenAction);
markPublicAction(cancelByTokenAction);
markPublicAction(rescheduleByTokenAction);
