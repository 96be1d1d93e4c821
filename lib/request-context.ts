import "server-only";
import { headers } from "next/headers";
import { requestLogger } from "./log";

/** The id proxy.ts gave this request, or null outside a request (seed, jobs, tests). */
export async function currentRequestId(): Promise<string | null> {
  try {
    return (await headers()).get("x-request-id");
  } catch {
    return null;
  }
}

/** A logger whose lines carry this request's id. */
export async function currentLogger() {
  return requestLogger(await currentRequestId());
}
