import { afterEach, describe, expect, it, vi } from "vitest";
import { DomainError, httpErrorOf } from "@/lib/errors";
import { readBodyText, readJsonBody } from "./body";

afterEach(() => {
  vi.unstubAllEnvs();
});

const MB3 = 3 * 1024 * 1024;

/** A body that counts how much of it was pulled, with no Content-Length (as a chunked upload). */
function streamed(total: number, chunk = 16 * 1024) {
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= total) return controller.close();
      pulled += chunk;
      controller.enqueue(new Uint8Array(chunk).fill(0x61));
    },
  });
  return { req: new Request("http://clinic.test/x", { method: "POST", body, duplex: "half" } as RequestInit), pulled: () => pulled };
}

describe("request bodies", () => {
  it("refuses a 3 MB body by its Content-Length with 413, reading none of it", async () => {
    const { req, pulled } = streamed(MB3);
    req.headers.set("content-length", String(MB3));
    const err = await readBodyText(req).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect(httpErrorOf(err as DomainError)).toMatchObject({ status: 413, body: { error: { code: "payload_too_large" } } });
    // A stream fills its first chunk on its own; nothing more is asked for.
    expect(pulled()).toBeLessThanOrEqual(16 * 1024);
  });

  it("refuses a streamed 3 MB body without Content-Length once it passes the limit, not after reading it whole", async () => {
    const { req, pulled } = streamed(MB3);
    await expect(readBodyText(req)).rejects.toMatchObject({ code: "payload_too_large" });
    expect(pulled()).toBeLessThan(128 * 1024);
  });

  it("reads bodies up to the limit, which REQUEST_BODY_LIMIT_KB sets", async () => {
    const ok = "x".repeat(64 * 1024);
    expect(await readBodyText(new Request("http://clinic.test/x", { method: "POST", body: ok }))).toBe(ok);
    vi.stubEnv("REQUEST_BODY_LIMIT_KB", "1");
    await expect(readBodyText(new Request("http://clinic.test/x", { method: "POST", body: "x".repeat(1025) }))).rejects.toMatchObject({ code: "payload_too_large" });
  });

  it("parses JSON and refuses control characters in any string with the fields they were in", async () => {
    expect(await readJsonBody(new Request("http://clinic.test/x", { method: "POST", body: '{"a":"b\\tc"}' }))).toEqual({ a: "b\tc" });
    const err = await readJsonBody(new Request("http://clinic.test/x", { method: "POST", body: '{"patient":{"name":"A\\u0000"}}' })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).fields).toHaveProperty("patient.name");
    await expect(readJsonBody(new Request("http://clinic.test/x", { method: "POST", body: "{nope" }))).rejects.toBeInstanceOf(SyntaxError);
  });
});
