import "server-only";
import { NextResponse } from "next/server";
import { ZodError } from "zod";
import { AccessDenied } from "@/lib/auth/errors";
import { fieldErrorsOf } from "@/lib/actions/result";
import { isCrossSite } from "./security-headers";
import { validRequestId } from "./request-id";
import { isConnectionError, isHandsOnGateViolation } from "@/db/errors";
import { DomainError } from "@/lib/errors";
import { errorFields, requestLogger } from "@/lib/log";

/** An expected failure a route handler answers with a stable error code. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** Input refused field by field before any schema ran (e.g. control characters): 400 invalid with fields. */
export class InvalidInput extends Error {
  constructor(readonly fields: Record<string, string>) {
    super("Some fields are missing or invalid.");
    this.name = "InvalidInput";
  }
}

export function jsonError(
  status: number,
  code: string,
  message: string,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
) {
  return NextResponse.json({ error: { code, message }, ...extra }, { status, headers });
}


type Handler<C> = (req: Request, context: C) => Promise<Response>;

/**
 * Every route handler goes through this: expected failures become 4xx JSON with a stable code, a lost
 * database becomes 503, anything else a 500 without details (logged with the request id, never the body).
 */
export function apiRoute<C>(handler: Handler<C>): Handler<C> {
  return async (req, context) => {
    // The proxy gives page requests an id; the public API and the health check skip the proxy (it only
    // adds page headers there), so they take the caller's id or make one.
    const requestId = validRequestId(req.headers.get("x-request-id")) ?? crypto.randomUUID();
    if (req.method !== "GET" && req.method !== "HEAD" && isCrossSite(req)) {
      return jsonError(403, "cross_site", "Cross-site requests are not accepted.");
    }
    try {
      return await handler(req, context);
    } catch (err) {
      if (err instanceof AccessDenied) return jsonError(err.status, err.code, err.message);
      if (err instanceof ApiError) return jsonError(err.status, err.code, err.message, err.extra, err.headers);
      if (err instanceof InvalidInput) {
        return NextResponse.json({ error: { code: "invalid", message: err.message, fields: err.fields } }, { status: 400 });
      }
      if (err instanceof ZodError) {
        return NextResponse.json({ error: { code: "invalid", message: "Some fields are missing or invalid.", fields: fieldErrorsOf(err) } }, { status: 400 });
      }
      if (err instanceof SyntaxError) return jsonError(400, "invalid_json", "The request body is not valid JSON.");
      if (err instanceof DomainError) return jsonError(err.code === "not_found" ? 404 : err.code === "forbidden" ? 403 : 409, err.code, err.message);
      if (isHandsOnGateViolation(err)) return jsonError(409, "hands_on_gate", "The patient has an uncleared red flag: hands-on care waits until a clinician clears it.");
      const log = requestLogger(requestId);
      if (isConnectionError(err)) {
        log.error(errorFields(err), "database unavailable");
        return jsonError(503, "unavailable", "The service is briefly unavailable. Please try again.", {}, { "Retry-After": "5" });
      }
      log.error(errorFields(err), "unhandled error in route handler");
      return jsonError(500, "internal", "Something went wrong on our side.");
    }
  };
}
