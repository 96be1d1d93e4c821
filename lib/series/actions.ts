"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { createAction } from "@/lib/actions/create-action";
import { presentSlot } from "@/lib/booking/present";
import { nudgeDelivery } from "@/lib/jobs";
import { appBaseUrl } from "@/lib/http/base-url";
import { isoInZone } from "@/lib/time";
import { bookSeries, cancelRestOfSeries, checkSeries, endSeries } from "./commands";
import { StaffCancelSchema } from "@/lib/desk/schemas";
import { BookSeriesSchema, EndSeriesSchema, SeriesPatternSchema } from "./schemas";
import { createFormAction } from "@/lib/actions/create-action";

const TEAM = ["staff", "admin", "practitioner"] as const;

/** Every visit of a plan of care: free, or taken with the nearest free times that week. */
export const checkSeriesAction = createAction({ schema: SeriesPatternSchema, roles: TEAM }, async (input, user) => {
  const { timeZone, occurrences } = await checkSeries(getDb(), input, user);
  return {
    timeZone,
    occurrences: occurrences.map((o) => ({ date: o.date, start: o.start ? isoInZone(o.start, timeZone) : null, free: o.free, alternatives: o.alternatives.map((s) => presentSlot(s, timeZone)) })),
  };
});

/** Books the chosen visits in one step; a lost race names the times lost, and nothing is booked. */
export const bookSeriesAction = createAction({ schema: BookSeriesSchema, roles: TEAM }, async (input, user) => {
  const outcome = await bookSeries(getDb(), input, user, { baseUrl: appBaseUrl() });
  if (outcome.kind === "booked") {
    await nudgeDelivery();
    revalidatePath(`/cases/${input.caseId}`);
    revalidatePath("/desk/patients", "layout");
    return { kind: "booked" as const, visits: outcome.appointmentIds.length };
  }
  return { kind: "conflict" as const, failed: outcome.failed.map((f) => ({ start: f.start.toISOString() })) };
});

/** The desk cancels the rest of a plan of care from one visit on, with a reason; one email to the patient. */
export const cancelRestOfSeriesAction = createAction({ schema: StaffCancelSchema, roles: ["staff", "admin"] }, async ({ appointmentId, reason, note }, user) => {
  const { cancelled } = await cancelRestOfSeries(getDb(), { appointmentId, reason, note, actor: user, baseUrl: appBaseUrl() });
  await nudgeDelivery();
  revalidatePath("/desk", "layout");
  return { cancelled };
});

/** The recall list's "Stop the plan": it leaves the list, with a reason. */
export const endSeriesAction = createFormAction({ schema: EndSeriesSchema, roles: ["staff", "admin"] }, async ({ seriesId, reason }, user) => {
  await endSeries(getDb(), { seriesId, reason, actor: user });
  revalidatePath("/desk/recall");
  return { seriesId };
});
