import { describe, expect, it } from "vitest";
import { areaOf, landingFor } from "./roles";

describe("landingFor", () => {
  it("sends each role to its own area by default", () => {
    expect(landingFor("patient", null)).toBe("/portal");
    expect(landingFor("staff", "")).toBe("/desk");
    expect(landingFor("practitioner", undefined)).toBe("/cases");
    expect(landingFor("admin", null)).toBe("/admin");
  });

  it("returns to the requested page when the role may open it", () => {
    expect(landingFor("admin", "/admin/services?x=1")).toBe("/admin/services?x=1");
    expect(landingFor("admin", "/desk")).toBe("/desk");
    expect(landingFor("patient", "/account")).toBe("/account");
  });

  it("ignores a requested page of another role", () => {
    expect(landingFor("patient", "/admin")).toBe("/portal");
    expect(landingFor("staff", "/cases")).toBe("/desk");
  });

  it("never redirects off-site", () => {
    for (const evil of ["https://evil.example/admin", "//evil.example/admin", "/\\evil.example", "javascript:alert(1)"]) {
      expect(landingFor("admin", evil)).toBe("/admin");
    }
  });
});

describe("areaOf", () => {
  it("matches whole path segments only", () => {
    expect(areaOf("/admin")).toBe("/admin");
    expect(areaOf("/admin/users")).toBe("/admin");
    expect(areaOf("/administrator")).toBeNull();
    expect(areaOf("/")).toBeNull();
  });
});
