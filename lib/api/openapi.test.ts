import { describe, expect, it } from "vitest";
import { openApiDocument } from "./openapi";

describe("the OpenAPI document", () => {
  const doc = openApiDocument("https://clinic.example.com");

  it("documents 413 for bodies over the limit and 429 with Retry-After on every endpoint", () => {
    const post = doc.paths["/api/v1/appointment-requests"].post.responses;
    expect(JSON.stringify(post[413])).toContain('"enum":["payload_too_large"]');
    for (const responses of [post, doc.paths["/api/v1/services"].get.responses, doc.paths["/api/v1/practitioners"].get.responses, doc.paths["/api/v1/slots"].get.responses]) {
      expect(responses[429].headers["Retry-After"]).toBeDefined();
    }
  });

  it("still describes the request body from the server's own schema", () => {
    const body = doc.components.schemas.AppointmentRequest as { properties: Record<string, unknown> };
    expect(Object.keys(body.properties)).toEqual(expect.arrayContaining(["service", "practitionerId", "start", "patient", "intake"]));
    expect(doc.servers[0]!.url).toBe("https://clinic.example.com");
  });
});
