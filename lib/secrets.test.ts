import { describe, expect, it } from "vitest";
import { signId, verifySignedId } from "./secrets";

const id = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";

describe("signed ids", () => {
  it("round-trips and carries at least 128 bits of MAC", () => {
    const token = signId("manage", id);
    expect(verifySignedId("manage", token)).toBe(id);
    expect(Buffer.from(token.split(".")[1]!, "base64url").length * 8).toBeGreaterThanOrEqual(128);
  });

  it("refuses a changed id, a changed MAC, another purpose and garbage", () => {
    const token = signId("manage", id);
    expect(verifySignedId("manage", token.replace(id, "3f2504e0-4f89-41d3-9a0c-0305e82c3302"))).toBeNull();
    expect(verifySignedId("manage", `${token.slice(0, -2)}AA`)).toBeNull();
    expect(verifySignedId("calendar", token)).toBeNull();
    expect(verifySignedId("manage", "nonsense")).toBeNull();
    expect(verifySignedId("manage", `${id}.`)).toBeNull();
  });
});
