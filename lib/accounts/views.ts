import "server-only";
import { getDb } from "@/db/client";
import { describeAccountLink } from "./links";

/** The set-password page: what an emailed link is for, without using it up. */
export function getSetPasswordPageData(token: string) {
  return describeAccountLink(getDb(), token);
}
