"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { createAction, createFormAction } from "@/lib/actions/create-action";
import { presentSlot } from "@/lib/booking/present";
import { DomainError, errorText } from "@/lib/errors";
import { appBaseUrl } from "@/lib/http/base-url";
import { nudgeDelivery } from "@/lib/jobs";
import { confirmRequest, declineRequest, markVisit, proposeTime, sendToReview, staffCancelAppointment, staffMoveAppointment } from "./commands";
import { AppointmentIdSchema, DeclineSchema, ProposeSchema, StaffCancelSchema, StaffMoveSchema, VisitMarkSchema } from "./schemas";

const DESK = ["staff", "admin"] as const;
const after = async () => {
  await nudgeDelivery();
  revalidatePath("/desk", "layout");
};

export const confirmRequestAction = createFormAction({ schema: AppointmentIdSchema, roles: DESK }, async ({ appointmentId }, user) => {
  const baseUrl = appBaseUrl();
  await getDb().transaction((tx) => confirmRequest(tx, appointmentId, user, baseUrl));
  await after();
  return { appointmentId };
});

export const declineRequestAction = createFormAction({ schema: DeclineSchema, roles: DESK }, async ({ appointmentId, reason }, user) => {
  const baseUrl = appBaseUrl();
  await getDb().transaction((tx) => declineRequest(tx, appointmentId, reason, user, baseUrl));
  await after();
  return { appointmentId };
});

export const sendToReviewAction = createFormAction({ schema: AppointmentIdSchema, roles: DESK }, async ({ appointmentId }, user) => {
  await getDb().transaction((tx) => sendToReview(tx, appointmentId, user));
  await after();
  return { appointmentId };
});

/** The desk proposes one of the practitioner's free times for a request; the patient is emailed to accept or decline. */
export const proposeTimeAction = createAction({ schema: ProposeSchema, roles: DESK }, async ({ appointmentId, start }, user) => {
  await proposeTime(getDb(), appointmentId, new Date(start), user, appBaseUrl());
  await after();
  return { appointmentId };
});

export const markVisitAction = createFormAction({ schema: VisitMarkSchema, roles: DESK }, async ({ appointmentId, mark }, user) => {
  await getDb().transaction((tx) => markVisit(tx, appointmentId, mark, user));
  await after();
  return { appointmentId, mark };
});

/** The desk cancels an upcoming appointment with a reason (inside the patient's cutoff too); the patient is emailed. */
export const staffCancelAction = createAction({ schema: StaffCancelSchema, roles: DESK }, async ({ appointmentId, reason, note }, user) => {
  await staffCancelAppointment(getDb(), { appointmentId, reason, note, actor: user, baseUrl: appBaseUrl() });
  await after();
  return { appointmentId };
});

export type StaffMoveResult = { kind: "moved"; status: string } | { kind: "conflict"; message: string; alternatives: Array<{ practitionerId: string; start: string; end: string }> };

/** The desk moves an upcoming appointment to a free time, of the same or another practitioner offering the service. */
export const staffMoveAction = createAction({ schema: StaffMoveSchema, roles: DESK }, async ({ appointmentId, practitionerId, start, reason }, user): Promise<StaffMoveResult> => {
  const outcome = await staffMoveAppointment(getDb(), { appointmentId, practitionerId, start: new Date(start), reason, actor: user, baseUrl: appBaseUrl() });
  if (outcome.kind === "done") {
    await after();
    return { kind: "moved", status: outcome.details.status };
  }
  if (outcome.kind === "not_allowed") throw new DomainError("invalid", "not_upcoming");
  return { kind: "conflict", message: errorText(outcome.kind, outcome.because === "room" ? "room" : "default"), alternatives: outcome.alternatives.map((s) => presentSlot(s, outcome.timeZone)) };
});
