"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { createFormAction } from "@/lib/actions/create-action";
import { receiveReferral, sendReferral, updateReferralStatus } from "./referrals";
import { IncomingReferralSchema, OutgoingReferralSchema, ReferralStatusSchema } from "./schemas";

const CLINICAL = ["practitioner", "staff", "admin"] as const;

/** Front desk or clinicians record a referral letter that came in; it opens or joins the patient's case. */
export const receiveReferralAction = createFormAction({ schema: IncomingReferralSchema, roles: CLINICAL }, async (input, user) => {
  const result = await getDb().transaction((tx) => receiveReferral(tx, input, user));
  revalidatePath("/cases");
  if (user.role === "staff") return result;
  redirect(`/cases/${result.caseId}`);
});

export const sendReferralAction = createFormAction({ schema: OutgoingReferralSchema, roles: ["practitioner"] }, async (input, user) => {
  await getDb().transaction((tx) => sendReferral(tx, input, user));
  revalidatePath(`/cases/${input.caseId}`);
  return { caseId: input.caseId };
});

export const updateReferralStatusAction = createFormAction({ schema: ReferralStatusSchema, roles: ["practitioner"] }, async ({ referralId, status }, user) => {
  const caseId = await getDb().transaction((tx) => updateReferralStatus(tx, referralId, status, user));
  revalidatePath(`/cases/${caseId}`);
  return { caseId };
});
