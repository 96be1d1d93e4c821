"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { createFormAction } from "@/lib/actions/create-action";
import { completeActionItem, nominateCase, recordDecision, recordMeeting } from "./conference";
import { CompleteActionSchema, ConferenceRecordSchema, DecisionSchema, NominateSchema } from "./schemas";

export const nominateCaseAction = createFormAction({ schema: NominateSchema, roles: ["practitioner"] }, async ({ caseId, reason }, user) => {
  const result = await getDb().transaction((tx) => nominateCase(tx, caseId, reason, user));
  revalidatePath("/cases", "layout");
  return result;
});

export const recordDecisionAction = createFormAction({ schema: DecisionSchema, roles: ["practitioner"] }, async (input, user) => {
  await getDb().transaction((tx) => recordDecision(tx, input, user));
  revalidatePath("/cases", "layout");
  return { itemId: input.itemId };
});

export const recordMeetingAction = createFormAction({ schema: ConferenceRecordSchema, roles: ["practitioner"] }, async (input, user) => {
  await getDb().transaction((tx) => recordMeeting(tx, input, user));
  revalidatePath("/cases/conference");
  return { conferenceId: input.conferenceId };
});

export const completeActionItemAction = createFormAction({ schema: CompleteActionSchema, roles: ["practitioner", "admin"] }, async ({ actionItemId }, user) => {
  await getDb().transaction((tx) => completeActionItem(tx, actionItemId, user));
  revalidatePath("/cases", "layout");
  return { actionItemId };
});
