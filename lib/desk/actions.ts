"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { createFormAction } from "@/lib/actions/create-action";
import { loadAppointmentDetails } from "@/lib/booking/facts";
import { DomainError } from "@/lib/errors";
import { appBaseUrl } from "@/lib/http/base-url";
import { nudgeDelivery } from "@/lib/jobs";
import { zonedInstant } from "@/lib/time";
import { confirmRequest, declineRequest, markVisit, proposeTime, sendToReview } from "./commands";
import { AppointmentIdSchema, DeclineSchema, ProposeSchema, VisitMarkSchema } from "./schemas";

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

export const proposeTimeAction = createFormAction({ schema: ProposeSchema, roles: DESK }, async ({ appointmentId, start }, user) => {
  const db = getDb();
  const details = await loadAppointmentDetails(db, appointmentId);
  if (!details) throw new DomainError("not_found", "appointment");
  const [date, time] = start.split("T") as [string, string];
  await proposeTime(db, appointmentId, zonedInstant(date, time, details.timeZone), user, appBaseUrl());
  await after();
  return { appointmentId };
});

export const markVisitAction = createFormAction({ schema: VisitMarkSchema, roles: DESK }, async ({ appointmentId, mark }, user) => {
  await getDb().transaction((tx) => markVisit(tx, appointmentId, mark, user));
  await after();
  return { appointmentId, mark };
});
