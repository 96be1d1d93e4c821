import { env } from "../env";
/**
 * Request bodies are bounded (REQUEST_BODY_LIMIT_KB, default 64): a larger one is refused with 413 before
 * it is read whole — by its Content-Length when it says so, otherwise while it streams in. Server actions
 * get the same limit from next.config.ts (serverActions.bodySizeLimit) and from proxy.ts.
 */
export function bodyLimitBytes(): number {
  return env().REQUEST_BODY_LIMIT_KB * 1024;
}

export function declaredTooLarge(headers: Headers, limit: number = bodyLimitBytes()): boolean {
  const declared = headers.get("content-length");
  return declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > limit;
}
