import { z } from "zod";
import { AppointmentRequestSchema } from "@/lib/booking/schemas";
import { DISCIPLINES } from "@/lib/clinic/disciplines";
import { PRIORITIES, RED_FLAGS } from "@/lib/triage/red-flags";

/**
 * The public API's OpenAPI 3.1 document. The request body schema is generated from the same zod schema
 * the server validates with, so the two cannot drift.
 */
export function openApiDocument(serverUrl: string) {
  const error = (codes: string[]) => ({
    type: "object",
    required: ["error"],
    properties: {
      error: {
        type: "object",
        required: ["code", "message"],
        properties: { code: { type: "string", enum: codes }, message: { type: "string" }, fields: { type: "object", additionalProperties: { type: "string" } } },
      },
    },
  });
  const slot = {
    type: "object",
    required: ["practitionerId", "start", "end"],
    properties: {
      practitionerId: { type: "string", format: "uuid" },
      start: { type: "string", format: "date-time", description: "ISO 8601 with the clinic's UTC offset" },
      end: { type: "string", format: "date-time" },
    },
  };
  const json = (schema: unknown) => ({ "application/json": { schema } });
  const rateLimited = {
    description: "Too many requests from this client address (the TCP peer, or what TRUSTED_PROXY_HOPS trusted proxies say); wait Retry-After seconds",
    headers: { "Retry-After": { description: "Seconds until the limit resets", schema: { type: "integer", minimum: 1 } } },
    content: json(error(["rate_limited"])),
  };
  const tooLarge = {
    description: "The body is over the size limit (64 kB unless REQUEST_BODY_LIMIT_KB says otherwise); it was not read and nothing was written",
    content: json(error(["payload_too_large"])),
  };

  return {
    openapi: "3.1.0",
    info: {
      title: "Backline public API",
      version: "1.0.0",
      description:
        "Services, practitioners, free slots and appointment requests of the Backline spine & massage clinic. Every error is JSON {error: {code, message}}. Every endpoint is rate limited per client address (429 with Retry-After); request bodies are limited in size (413). Text may not hold control characters (NUL and the like: 400 naming the field).",
    },
    servers: [{ url: serverUrl }],
    components: {
      schemas: {
        AppointmentRequest: z.toJSONSchema(AppointmentRequestSchema, { io: "input", unrepresentable: "any" }),
        Slot: slot,
        RedFlagCode: {
          type: "string",
          enum: RED_FLAGS.map((f) => f.code),
          description: RED_FLAGS.map((f) => `${f.code} (${f.priority}): ${f.question}`).join("\n"),
        },
      },
    },
    paths: {
      "/api/v1/services": {
        get: {
          summary: "Services bookable online",
          responses: {
            200: {
              description: "Services",
              content: json({
                type: "array",
                items: {
                  type: "object",
                  required: ["slug", "name", "discipline", "durationMinutes", "needsReview", "handsOn"],
                  properties: {
                    slug: { type: "string" },
                    name: { type: "string" },
                    discipline: { type: "string", enum: DISCIPLINES },
                    durationMinutes: { type: "integer" },
                    needsReview: { type: "boolean" },
                    handsOn: { type: "boolean", description: "Hands-on care: never confirmed while the patient has an uncleared red flag." },
                  },
                },
              }),
            },
            429: rateLimited,
          },
        },
      },
      "/api/v1/practitioners": {
        get: {
          summary: "Practitioners and the services they offer",
          responses: {
            200: {
              description: "Practitioners",
              content: json({
                type: "array",
                items: {
                  type: "object",
                  required: ["id", "name", "discipline", "services", "locations"],
                  properties: {
                    id: { type: "string", format: "uuid" },
                    name: { type: "string" },
                    discipline: { type: "string", enum: DISCIPLINES },
                    services: { type: "array", items: { type: "string" } },
                    locations: { type: "array", items: { type: "string", format: "uuid" }, description: "Ids of the locations where they work (see /api/v1/locations)" },
                  },
                },
              }),
            },
            429: rateLimited,
          },
        },
      },
      "/api/v1/locations": {
        get: {
          summary: "The clinic's locations, each with its own time zone",
          responses: {
            200: {
              description: "Locations, the main one first",
              content: json({
                type: "array",
                items: {
                  type: "object",
                  required: ["id", "name", "address", "phone", "timeZone"],
                  properties: {
                    id: { type: "string", format: "uuid" },
                    name: { type: "string" },
                    address: { type: "string" },
                    phone: { type: "string" },
                    timeZone: { type: "string", description: "IANA zone, e.g. America/Denver" },
                  },
                },
              }),
            },
            429: rateLimited,
          },
        },
      },
      "/api/v1/slots": {
        get: {
          summary: "Free start times of a service",
          description:
            "For one practitioner, or without `practitioner` one slot per start time (first available). At most 31 days per call. With `location`, only that location's hours, and `from`/`to`, the slots and `timeZone` are in that location's zone; without it, the clinic's main location's zone. A service that needs a room (massage, chiropractic in the demo) offers a time only when a room of its kind is free at that location too.",
          parameters: [
            { name: "service", in: "query", required: true, schema: { type: "string" } },
            { name: "from", in: "query", required: true, schema: { type: "string", format: "date" }, description: "From 1900-01-01 to ten years ahead; days past the booking horizon have no slots" },
            { name: "to", in: "query", required: true, schema: { type: "string", format: "date" } },
            { name: "practitioner", in: "query", required: false, schema: { type: "string", format: "uuid" } },
            { name: "location", in: "query", required: false, schema: { type: "string", format: "uuid" }, description: "A location id from /api/v1/locations" },
          ],
          responses: {
            200: {
              description: "Free slots",
              content: json({ type: "object", required: ["timeZone", "slots"], properties: { timeZone: { type: "string" }, slots: { type: "array", items: { $ref: "#/components/schemas/Slot" } } } }),
            },
            400: { description: "Bad query", content: json(error(["invalid", "range_too_long"])) },
            404: { description: "Unknown service or location", content: json(error(["unknown_service", "not_found"])) },
            429: rateLimited,
          },
        },
      },
      "/api/v1/appointment-requests": {
        post: {
          summary: "Request an appointment",
          description:
            "From a caller who is not signed in (every API caller), the request stands on its own until the owner of the email proves it: the answer is `201` with `status: \"pending_verification\"` and `verification.expiresAt` (the time is held until then, BOOKING_VERIFY_MINUTES), the same whether or not the address belongs to a patient; a 6-digit code is emailed to the address, to be sent to `POST /api/v1/appointment-requests/{id}/verification`. Its own answers are triaged at once (`priority`, `emergencyAdvice`). After verification it joins the patient with that email and date of birth (or a new one) and is routed: `status` is `confirmed` for a service that needs no review, booked with no red flag by an adult, when the hands-on gate allows it; otherwise `requested`. The hands-on gate: a hands-on service (see `handsOn` on /api/v1/services) is never confirmed while the patient has an uncleared red flag (this request's, or one reported earlier); `priority` is then the worst uncleared flag's. Under 18 (by `dateOfBirth`), `guardian` is required (name, relationship, consent) and the front desk confirms. A date of birth in the future or more than 120 years ago, or pain that started before birth, is a 400. Send an Idempotency-Key to make retries safe.",
          parameters: [{ name: "Idempotency-Key", in: "header", required: false, schema: { type: "string", minLength: 8, maxLength: 128 } }],
          requestBody: { required: true, content: json({ $ref: "#/components/schemas/AppointmentRequest" }) },
          responses: {
            201: {
              description: "Created (or the same appointment again for a replayed Idempotency-Key)",
              content: json({
                type: "object",
                required: ["id", "status", "start", "end", "manageUrl", "priority"],
                properties: {
                  id: { type: "string", format: "uuid" },
                  status: { type: "string", enum: ["pending_verification", "requested", "confirmed"] },
                  start: { type: "string", format: "date-time" },
                  end: { type: "string", format: "date-time" },
                  manageUrl: { type: "string", format: "uri" },
                  priority: { type: "string", enum: PRIORITIES },
                  nextStep: { type: "string" },
                  verification: {
                    type: "object",
                    description: "Present while the request waits for the emailed code.",
                    required: ["expiresAt"],
                    properties: { expiresAt: { type: "string", format: "date-time" } },
                  },
                  emergencyAdvice: { type: "string", description: "Present when an answer suggests an emergency: show it first." },
                },
              }),
            },
            400: {
              description:
                "Invalid input; nothing was written. `error.fields` names each bad field: e.g. control characters in text, or a `start` outside the booking horizon (a day ago to BOOKING_HORIZON_DAYS ahead, 90 by default).",
              content: json(error(["invalid", "invalid_json", "invalid_idempotency_key"])),
            },
            409: {
              description: "The time is taken (or not offered); up to 3 nearest free alternatives",
              content: json({
                allOf: [error(["slot_taken", "slot_unavailable"]), { type: "object", properties: { alternatives: { type: "array", maxItems: 3, items: { $ref: "#/components/schemas/Slot" } } } }],
              }),
            },
            413: tooLarge,
            422: { description: "Idempotency-Key reused with a different body", content: json(error(["idempotency_key_reused"])) },
            429: rateLimited,
          },
        },
      },
      "/api/v1/appointment-requests/{id}/verification": {
        post: {
          summary: "Verify a pending request with the code emailed to its address",
          description:
            "The code proves the requester controls the email. The request then joins the patient's record and is routed (`requested` or `confirmed`). Five wrong codes end the request and free its time.",
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } }],
          requestBody: { required: true, content: json({ type: "object", required: ["code"], properties: { code: { type: "string", pattern: "^\\d{6}$" } } }) },
          responses: {
            200: {
              description: "Verified and routed",
              content: json({
                type: "object",
                required: ["id", "status", "priority", "start", "end", "manageUrl"],
                properties: {
                  id: { type: "string", format: "uuid" },
                  status: { type: "string", enum: ["requested", "confirmed"] },
                  priority: { type: "string", enum: PRIORITIES },
                  start: { type: "string", format: "date-time" },
                  end: { type: "string", format: "date-time" },
                  manageUrl: { type: "string", format: "uri" },
                  nextStep: { type: "string" },
                },
              }),
            },
            400: { description: "Invalid input", content: json(error(["invalid", "invalid_json"])) },
            404: { description: "No request waits for a code with this id", content: json(error(["not_found"])) },
            410: { description: "The request expired (the hold ran out, or five wrong codes)", content: json(error(["expired"])) },
            422: { description: "Wrong code", content: json({ allOf: [error(["wrong_code"]), { type: "object", properties: { attemptsLeft: { type: "integer" } } }] }) },
            429: rateLimited,
          },
        },
      },
    },
  };
}
