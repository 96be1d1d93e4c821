"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { createFormAction } from "@/lib/actions/create-action";
import { appBaseUrl } from "@/lib/http/base-url";
import { createFeedToken, feedPath, revokeFeedToken } from "./feed-tokens";
import { CreateFeedSchema, RevokeFeedSchema } from "./schemas";

/** A new private calendar feed; its URL is in the result, once. */
export const createFeedAction = createFormAction({ schema: CreateFeedSchema, roles: ["practitioner"] }, async ({ label }, user) => {
  const { token } = await createFeedToken(getDb(), { viewer: user, label });
  revalidatePath("/account");
  return { url: `${appBaseUrl()}${feedPath(token)}`, label };
});

/** Ends one feed (the others keep working). */
export const revokeFeedAction = createFormAction({ schema: RevokeFeedSchema, roles: ["practitioner"] }, async ({ feedId }, user) => {
  await revokeFeedToken(getDb(), { viewer: user, id: feedId });
  revalidatePath("/account");
  return { feedId };
});
