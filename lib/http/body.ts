import { controlCharacterFields } from "@/lib/validation/text";
import { DomainError } from "@/lib/errors";
import { bodyLimitBytes, declaredTooLarge } from "./body-limit";

export { bodyLimitBytes } from "./body-limit";

export function payloadTooLarge(limit: number = bodyLimitBytes()): DomainError {
  return new DomainError("payload_too_large", "default", { params: { kb: Math.round(limit / 1024) } });
}

/** The body as text (UTF-8), or a 413 DomainError once it passes `limit` bytes; the rest is never read. */
export async function readBodyText(req: Request, limit: number = bodyLimitBytes()): Promise<string> {
  if (declaredTooLarge(req.headers, limit)) throw payloadTooLarge(limit);
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw payloadTooLarge(limit);
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

/**
 * JSON body within the limit. Malformed JSON throws SyntaxError (apiRoute answers 400 invalid_json); a
 * string holding a control character anywhere in it is refused with 400 and the fields it was in.
 */
export async function readJsonBody(req: Request, limit: number = bodyLimitBytes()): Promise<unknown> {
  const body = JSON.parse(await readBodyText(req, limit)) as unknown;
  const control = controlCharacterFields(body);
  if (Object.keys(control).length) throw new DomainError("invalid", "api", { fields: Object.fromEntries(Object.entries(control).map(([k, v]) => [k, { text: v }])) });
  return body;
}
