/**
 * Request bodies are bounded (REQUEST_BODY_LIMIT_KB, default 64): a larger one is refused with 413 before
 * it is read whole — by its Content-Length when it says so, otherwise while it streams in. Server actions
 * get the same limit from next.config.ts (serverActions.bodySizeLimit) and from proxy.ts.
 */
export function bodyLimitBytes(): number {
  const kb = Number(process.env.REQUEST_BODY_LIMIT_KB ?? 64);
  return Number.isFinite(kb) && kb > 0 ? Math.floor(kb * 1024) : 64 * 1024;
}

export function declaredTooLarge(headers: Headers, limit: number = bodyLimitBytes()): boolean {
  const declared = headers.get("content-length");
  return declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > limit;
}
