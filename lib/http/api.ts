import "server-only";
import { NextResponse } from "next/server";
import { ZodError } from "zod";
import { schemaFields } from "@/lib/actions/result";
import { isCrossSite } from "./security-headers";
import { validRequestId } from "./request-id";
import { isConnectionError, isHandsOnGateViolation } from "@/db/errors";
import { DomainError, httpErrorOf } from "@/lib/errors";
import { errorFields, requestLogger } from "@/lib/log";

/** A refusal as a JSON answer (the HTTP adapter of the one error model, lib/errors.ts). */
export function errorResponse(err: DomainError): NextResponse {
  const { status, body, headers } = httpErrorOf(err);
  return NextResponse.json(body, { status, headers });
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
    if (req.method !== "GET" && req.method !== "HEAD" && isCrossSite(req)) return errorResponse(new DomainError("cross_site"));
    try {
      return await handler(req, context);
    } catch (err) {
      if (err instanceof DomainError) return errorResponse(err);
      if (err instanceof ZodError) return errorResponse(new DomainError("invalid", "api", { fields: schemaFields(err) }));
      if (err instanceof SyntaxError) return errorResponse(new DomainError("invalid_json"));
      if (isHandsOnGateViolation(err)) return errorResponse(new DomainError("hands_on_gate", "database"));
      const log = requestLogger(requestId);
      if (isConnectionError(err)) {
        log.error(errorFields(err), "database unavailable");
        return errorResponse(new DomainError("unavailable", "api", { headers: { "Retry-After": "5" } }));
      }
      log.error(errorFields(err), "unhandled error in route handler");
      return errorResponse(new DomainError("internal", "api"));
    }
  };
}
