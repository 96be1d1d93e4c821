import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { practitioners } from "@/db/schema";
import { createPractitioner } from "@/db/seed/factories";
import { feedPath, practitionerFeed } from "./feed";

describe("a practitioner's calendar feed", () => {
  it("answers for a signed link and stops when the practitioner is deactivated", async () => {
    const db = getDb();
    const p = await createPractitioner(db, { discipline: "chiropractor" });
    const token = feedPath(p.id).replace("/calendar/", "");
    expect(await practitionerFeed(db, token)).toContain("BEGIN:VCALENDAR");
    // One character changed inside the signature (not the last one, whose low bits base64 ignores).
    const i = token.length - 10;
    expect(await practitionerFeed(db, `${token.slice(0, i)}${token[i] === "A" ? "g" : "A"}${token.slice(i + 1)}`)).toBeNull();
    await db.update(practitioners).set({ isActive: false }).where(eq(practitioners.id, p.id));
    expect(await practitionerFeed(db, token)).toBeNull();
  });
});
