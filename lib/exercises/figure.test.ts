import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { EXERCISES } from "@/db/seed/exercises";
import { BODY, reach, renderPose, solve, type Pose } from "./figure";
import { exercisePictureFiles, ownPicturesFor } from "./pictures";
import { EXERCISE_POSES } from "./poses";

const length = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot(b.x - a.x, b.y - a.y);
const standing: Pose = { trunk: 90, nearLeg: { upper: -90, lower: -90 }, farLeg: { upper: -90, lower: -90 }, nearArm: { upper: -90, lower: -90 }, farArm: { upper: -90, lower: -90 } };

describe("the pose model", () => {
  it("places joints from segment angles, keeping every segment its length", () => {
    const { joints: j } = solve({ ...standing, nearLeg: { upper: 0, lower: -90 } });
    expect(j.shoulder).toEqual({ x: expect.closeTo(0), y: expect.closeTo(BODY.trunk) });
    expect(j.nearKnee).toEqual({ x: expect.closeTo(BODY.thigh), y: expect.closeTo(0) });
    expect(j.nearAnkle).toEqual({ x: expect.closeTo(BODY.thigh), y: expect.closeTo(-BODY.shin) });
    expect(length(j.hip, j.farKnee)).toBeCloseTo(BODY.thigh);
    expect(length(j.farElbow, j.farWrist)).toBeCloseTo(BODY.forearm);
  });

  it("reaches a target with two segments, bending the middle joint the way asked", () => {
    const root = { x: 0, y: 0 };
    const target = { x: 30, y: 20 };
    for (const bend of ["up", "down"] as const) {
      const { upper, lower } = reach(root, target, 27, 25, bend);
      const elbow = { x: 27 * Math.cos((upper * Math.PI) / 180), y: 27 * Math.sin((upper * Math.PI) / 180) };
      const wrist = { x: elbow.x + 25 * Math.cos((lower * Math.PI) / 180), y: elbow.y + 25 * Math.sin((lower * Math.PI) / 180) };
      expect(wrist.x).toBeCloseTo(30);
      expect(wrist.y).toBeCloseTo(20);
      // Above or below the root→target line.
      const side = Math.sign(elbow.y * 30 - elbow.x * 20);
      expect(side).toBe(bend === "up" ? 1 : -1);
    }
  });

  it("a target out of reach gets a straight limb pointing at it", () => {
    const { upper, lower } = reach({ x: 0, y: 0 }, { x: 0, y: -200 }, 27, 25);
    expect(upper).toBeCloseTo(-90, 0);
    expect(lower).toBeCloseTo(-90, 0);
  });

  it("draws a standalone, script-free SVG that stands the figure on the floor and says what it shows", () => {
    const svg = renderPose(standing, "Standing <tall> & straight");
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 240 160" width="240" height="160"/);
    expect(svg).toContain("<title>Standing &lt;tall&gt; &amp; straight</title>");
    expect(svg).not.toMatch(/<script|foreignObject|\son[a-z]+=|href=|url\(/i);
    // The same pose gives the same bytes (the committed files are generated from it).
    expect(renderPose(standing, "x")).toBe(renderPose(standing, "x"));
  });
});

describe("the exercise pictures", () => {
  it("every exercise in the library has start and end poses with words for each", () => {
    for (const e of EXERCISES) {
      const poses = EXERCISE_POSES[e.slug];
      expect(poses, e.slug).toBeDefined();
      expect(poses!.startAlt.length, e.slug).toBeGreaterThan(10);
      expect(poses!.endAlt).not.toBe(poses!.startAlt);
      expect(ownPicturesFor(e.slug)).toMatchObject({ pictureLicence: "CC BY 4.0", pictureStartUrl: `/exercises/${e.slug}-start.svg` });
    }
    expect(ownPicturesFor("no-such-exercise")).toBeNull();
  });

  it("start and end differ, so the picture shows the movement", () => {
    const files = exercisePictureFiles();
    for (const slug of Object.keys(EXERCISE_POSES)) {
      const strip = (svg: string) => svg.replace(/<title>.*<\/title>/, "");
      expect(strip(files[`${slug}-start.svg`]!), slug).not.toBe(strip(files[`${slug}-end.svg`]!));
    }
  });

  it("the files shipped in public/exercises are exactly what the poses draw (run npm run exercises:pictures)", () => {
    const dir = path.join(import.meta.dirname, "..", "..", "public", "exercises");
    const files = exercisePictureFiles();
    expect(
      readdirSync(dir)
        .filter((f) => f.endsWith(".svg"))
        .sort(),
    ).toEqual(Object.keys(files).sort());
    for (const [name, svg] of Object.entries(files)) expect(readFileSync(path.join(dir, name), "utf8"), name).toBe(svg);
  });
});
