import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { exercises, exerciseUploads } from "@/db/schema";
import { seedExerciseLibrary } from "@/db/seed/exercises";
import { createUser, uniqueEmail } from "@/db/seed/factories";
import { loadUpload, storeExercisePicture } from "./library";

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

describe("exercise pictures in the database", () => {
  it("the seeded library has our drawings, licence and attribution for every exercise", async () => {
    await seedExerciseLibrary(getDb());
    const rows = await getDb().select().from(exercises);
    expect(rows.length).toBeGreaterThanOrEqual(27);
    for (const e of rows) {
      expect(e.pictureStartUrl, e.slug).toBe(`/exercises/${e.slug}-start.svg`);
      expect(e.pictureEndUrl, e.slug).toBe(`/exercises/${e.slug}-end.svg`);
      expect(e.pictureStartAlt.length, e.slug).toBeGreaterThan(10);
      expect(e).toMatchObject({ pictureLicence: "CC BY 4.0", pictureAttribution: "Drawing: Backline clinic" });
    }
  });

  it("an upload becomes the exercise's picture, with its words, and is read back byte for byte", async () => {
    const db = getDb();
    const ids = await seedExerciseLibrary(db);
    const user = await createUser(db, { role: "admin", email: uniqueEmail("pics") });
    const actor = { id: user.id, email: user.email, name: "Ari", role: "admin" as const, sessionId: "s", patientId: null, practitionerId: null, discipline: null };
    const stored = await storeExercisePicture(
      db,
      { exerciseId: ids.get("bird-dog")!, phase: "end", alt: "Arm and opposite leg reaching out", licence: "Own photo", attribution: "Photo: Sofia L.", bytes: png, type: "image/png" },
      actor,
    );
    const [e] = await db
      .select()
      .from(exercises)
      .where(eq(exercises.id, ids.get("bird-dog")!));
    expect(e).toMatchObject({
      pictureEndUrl: stored.url,
      pictureEndAlt: "Arm and opposite leg reaching out",
      pictureLicence: "Own photo",
      pictureAttribution: "Photo: Sofia L.",
      pictureStartUrl: "/exercises/bird-dog-start.svg",
    });
    const back = await loadUpload(db, stored.uploadId);
    expect(back?.contentType).toBe("image/png");
    expect([...back!.bytes]).toEqual([...png]);
  });

  it("the database itself refuses an SVG or a size that does not match the bytes", async () => {
    const db = getDb();
    const ids = await seedExerciseLibrary(db);
    const user = await createUser(db, { role: "admin", email: uniqueEmail("pics2") });
    const row = { exerciseId: ids.get("bird-dog")!, bytes: Buffer.from(png), byteSize: png.length, sha256: "x", uploadedBy: user.id };
    await expect(db.insert(exerciseUploads).values({ ...row, contentType: "image/svg+xml" })).rejects.toThrow();
    await expect(db.insert(exerciseUploads).values({ ...row, contentType: "image/png", byteSize: 3 })).rejects.toThrow();
    expect(await db.select({ id: exerciseUploads.id }).from(exerciseUploads).where(eq(exerciseUploads.contentType, "image/svg+xml"))).toEqual([]);
  });
});
