import type { Limb, Pose, Prop, Target } from "./figure";

/**
 * Start and end positions of every exercise in the library (db/seed/exercises.ts), as poses for the
 * figure model, with the words a screen reader reads for each picture. Adding an exercise's pictures:
 * describe its two poses here and run `npm run exercises:pictures`.
 */

export interface ExercisePoses {
  start: Pose;
  end: Pose;
  startAlt: string;
  endAlt: string;
}

/** Our own drawings: licence and attribution stored with each exercise and shown under its pictures. */
export const OWN_PICTURE_LICENCE = "CC BY 4.0";
export const OWN_PICTURE_ATTRIBUTION = "Drawing: Backline clinic";

const straight = (angle: number, end?: number): Limb => ({ upper: angle, lower: angle, end });
const bent = (upper: number, lower: number, end?: number): Limb => ({ upper, lower, end });
const to = (at: Target["at"], dx = 0, dy = 0, bend: "up" | "down" = "up", end?: number): Limb => ({ reach: { at, dx, dy }, bend, end });

// Lying on the back, head to the left, knees bent, feet flat, arms along the floor.
const supine = (over: Partial<Pose> = {}): Pose => ({
  trunk: 180,
  neck: 180,
  nearLeg: bent(55, -55, 0),
  farLeg: bent(57, -57, 0),
  nearArm: straight(0),
  farArm: straight(-2),
  ...over,
});
// On hands and knees, facing right.
const allFours = (over: Partial<Pose> = {}): Pose => ({
  trunk: 12,
  neck: 5,
  nearLeg: bent(-90, 180, 180),
  farLeg: bent(-92, 180, 180),
  nearArm: straight(-90),
  farArm: straight(-88),
  ...over,
});
// Standing, facing right.
const standing = (over: Partial<Pose> = {}): Pose => ({
  trunk: 90,
  neck: 90,
  nearLeg: straight(-90, 0),
  farLeg: straight(-92, 0),
  nearArm: straight(-90),
  farArm: straight(-92),
  ...over,
});
// Sitting on a chair, facing right, feet under the knees.
const seated = (over: Partial<Pose> = {}): Pose => ({
  trunk: 90,
  neck: 90,
  nearLeg: bent(0, -90, 0),
  farLeg: bent(2, -90, 0),
  nearArm: to("nearKnee", -14, 4, "down"),
  farArm: to("farKnee", -16, 4, "down"),
  props: [{ kind: "chair" }],
  ...over,
});
// Lying on the front, head to the right.
const prone = (over: Partial<Pose> = {}): Pose => ({
  trunk: 0,
  neck: 8,
  nearLeg: straight(180, 180),
  farLeg: straight(181, 180),
  nearArm: to("shoulder", 8, 0, "up"),
  farArm: to("shoulder", 6, 0, "up"),
  ...over,
});
// Lying on one side, head to the left, propped on the forearm.
const sideLying = (over: Partial<Pose> = {}): Pose => ({
  trunk: 146,
  neck: 160,
  nearLeg: straight(-2, 0),
  farLeg: straight(-3, 0),
  nearArm: to("hip", -10, 8, "up"),
  farArm: bent(-90, -8),
  ...over,
});
const arrow = (at: Extract<Prop, { kind: "arrow" }>["at"], direction: number, dx = 0, dy = 0, curve = 0): Prop => ({ kind: "arrow", at, direction, dx, dy, curve });

export const EXERCISE_POSES: Record<string, ExercisePoses> = {
  "hamstring-towel-stretch": {
    start: supine({ nearLeg: bent(95, 0, 80), nearArm: to("nearAnkle", -18, -6, "down"), props: [{ kind: "towel" }] }),
    end: supine({ nearLeg: straight(78, 150), nearArm: to("nearKnee", -6, -14, "down"), props: [{ kind: "towel" }] }),
    startAlt: "Lying on the back, knees bent, a towel looped around one foot held in both hands.",
    endAlt: "The same leg straightened towards the ceiling, the towel held in both hands, the other foot on the floor.",
  },
  "knee-to-chest": {
    start: supine(),
    end: supine({ nearLeg: bent(125, 20, 0), nearArm: to("nearKnee", 2, 6, "up") }),
    startAlt: "Lying on the back with both knees bent and feet flat.",
    endAlt: "One knee drawn towards the chest with both hands behind it, the other foot on the floor.",
  },
  "double-knee-to-chest": {
    start: supine(),
    end: supine({ nearLeg: bent(125, 20, 0), farLeg: bent(127, 22, 0), nearArm: to("nearKnee", 2, 6, "up"), farArm: to("farKnee", 0, 6, "up") }),
    startAlt: "Lying on the back with both knees bent and feet flat.",
    endAlt: "Both knees drawn towards the chest, hands holding behind the knees.",
  },
  "pelvic-tilt": {
    start: supine(),
    end: supine({ spineCurve: -1.5, props: [arrow("hip", 180, 8, 10, 6)] }),
    startAlt: "Lying on the back with knees bent and feet flat.",
    endAlt: "The same position with the small of the back pressed into the floor by tilting the pelvis.",
  },
  "cat-cow": {
    start: allFours({ spineCurve: 9, neck: -45 }),
    end: allFours({ spineCurve: -6, neck: 35 }),
    startAlt: "On hands and knees with the back rounded up towards the ceiling and the head dropped.",
    endAlt: "On hands and knees with the back sagging gently and the head lifted.",
  },
  "childs-pose": {
    start: allFours(),
    end: {
      trunk: -14,
      neck: -35,
      nearLeg: bent(-35, 180, 180),
      farLeg: bent(-37, 180, 180),
      nearArm: to("shoulder", 50, -4, "up"),
      farArm: to("shoulder", 48, -4, "up"),
    },
    startAlt: "On hands and knees.",
    endAlt: "Sitting back towards the heels, arms stretched forward on the floor, forehead resting down.",
  },
  "partial-crunch": {
    start: supine({ nearArm: to("shoulder", 14, 6, "up"), farArm: to("shoulder", 12, 6, "up") }),
    end: supine({ trunk: 157, neck: 150, nearArm: to("shoulder", 14, 6, "up"), farArm: to("shoulder", 12, 6, "up") }),
    startAlt: "Lying on the back, knees bent, arms crossed over the chest.",
    endAlt: "Shoulders lifted just off the floor, lower back staying down, arms crossed.",
  },
  "bird-dog": {
    start: allFours(),
    end: allFours({ nearArm: straight(10), farLeg: straight(188, 180) }),
    startAlt: "On hands and knees, back flat.",
    endAlt: "One arm reaching forward and the opposite leg reaching back, both level with the body.",
  },
  "glute-bridge": {
    start: supine(),
    end: supine({ trunk: 205, neck: 200, nearLeg: bent(20, -110, 0), farLeg: bent(22, -108, 0), nearArm: to("shoulder", 48, -4, "down"), farArm: to("shoulder", 46, -4, "down") }),
    startAlt: "Lying on the back, knees bent, feet hip-width apart.",
    endAlt: "Hips lifted so the body makes a straight line from shoulders to knees.",
  },
  "piriformis-stretch": {
    start: supine({ nearLeg: to("farKnee", 2, 6, "up", 20) }),
    end: supine({ farLeg: bent(115, 15, 0), nearLeg: to("farKnee", 4, 6, "up", 20), nearArm: to("farKnee", -10, -6, "down"), farArm: to("farKnee", -12, -6, "down") }),
    startAlt: "Lying on the back, one ankle crossed over the opposite knee.",
    endAlt: "The uncrossed thigh drawn towards the chest with both hands, the ankle still crossed over it.",
  },
  "lumbar-rotation": {
    start: supine({ nearArm: straight(-178), farArm: straight(-176) }),
    end: supine({ nearLeg: bent(25, -25, 0), farLeg: bent(27, -27, 0), nearArm: straight(-178), farArm: straight(-176), props: [arrow("nearKnee", -90, 6, 2, 4)] }),
    startAlt: "Lying on the back, knees bent and together, arms out to the sides.",
    endAlt: "Both knees lowered slowly to one side, shoulders staying on the floor.",
  },
  "prone-press-up": {
    start: prone(),
    end: prone({ trunk: 42, neck: 45, nearArm: to("hip", 44, 0, "down"), farArm: to("hip", 42, 0, "down") }),
    startAlt: "Lying on the front, hands under the shoulders.",
    endAlt: "Arms straightened to lift the chest, hips staying on the floor.",
  },
  "dead-bug": {
    start: supine({ nearLeg: bent(90, 0, 0), farLeg: bent(92, 0, 0), nearArm: straight(90), farArm: straight(88) }),
    end: supine({ nearLeg: bent(90, 0, 0), farLeg: bent(30, 15, 10), nearArm: straight(165), farArm: straight(88) }),
    startAlt: "Lying on the back, arms pointing to the ceiling, hips and knees bent at right angles.",
    endAlt: "One arm lowered behind the head and the opposite leg lowered towards the floor, lower back pressed down.",
  },
  "modified-side-plank": {
    start: sideLying({ nearLeg: bent(-8, -174, 180), farLeg: bent(-9, -175, 180) }),
    end: sideLying({ trunk: 163, neck: 165, nearLeg: bent(-26, -176, 180), farLeg: bent(-27, -177, 180), props: [arrow("hip", 90, 0, 12)] }),
    startAlt: "Lying on one side propped on the forearm, knees bent behind.",
    endAlt: "Hips lifted so the body is straight from head to knees, resting on the forearm.",
  },
  "hip-flexor-stretch": {
    start: {
      trunk: 90,
      neck: 90,
      nearLeg: bent(0, -90, 0),
      farLeg: bent(-100, 180, 180),
      nearArm: to("nearKnee", -6, 8, "down"),
      farArm: to("hip", 4, 6, "down"),
      props: [{ kind: "cushion", under: "farKnee" }],
    },
    end: {
      trunk: 92,
      neck: 90,
      nearLeg: bent(-20, -75, 0),
      farLeg: bent(-128, 180, 180),
      nearArm: to("nearKnee", -4, 10, "down"),
      farArm: to("hip", 4, 6, "down"),
      props: [{ kind: "cushion", under: "farKnee" }, arrow("hip", 0, 10, -6)],
    },
    startAlt: "Kneeling on one knee on a cushion, the other foot flat in front, trunk upright.",
    endAlt: "Weight shifted forward, tailbone tucked, a stretch at the front of the back hip.",
  },
  "foam-roll-glutes": {
    start: {
      trunk: 120,
      neck: 100,
      nearLeg: bent(20, -78, 0),
      farLeg: bent(30, -40, 0),
      nearArm: to("hip", -26, -18, "up"),
      farArm: to("hip", -24, -18, "up"),
      props: [{ kind: "roller", under: "hip", dx: 0 }],
    },
    end: {
      trunk: 115,
      neck: 100,
      nearLeg: bent(14, -74, 0),
      farLeg: bent(24, -36, 0),
      nearArm: to("hip", -30, -18, "up"),
      farArm: to("hip", -28, -18, "up"),
      props: [{ kind: "roller", under: "hip", dx: 14 }, arrow("hip", 0, 0, -24)],
    },
    startAlt: "Sitting on a foam roller, hands behind for support, one ankle crossed over the other knee.",
    endAlt: "Leaning towards the crossed leg and rolling slowly over the buttock.",
  },
  "foam-roll-quadratus-lumborum": {
    start: sideLying({ trunk: 160, props: [{ kind: "roller", under: "hip", dx: -10 }] }),
    end: sideLying({ trunk: 160, props: [{ kind: "roller", under: "hip", dx: -20 }, arrow("hip", 180, -4, 22)] }),
    startAlt: "Lying on one side on a foam roller placed between the lowest rib and the hip, propped on the forearm.",
    endAlt: "Rolling a few centimetres up and down over the side of the lower back.",
  },
  "brisk-walking": {
    start: standing({ nearLeg: bent(-70, -95, 0), farLeg: bent(-110, -125, -20), nearArm: bent(-115, -95), farArm: bent(-65, -40) }),
    end: standing({ nearLeg: bent(-110, -125, -20), farLeg: bent(-70, -95, 0), nearArm: bent(-65, -40), farArm: bent(-115, -95) }),
    startAlt: "Walking tall, one leg striding forward, arms swinging.",
    endAlt: "The next stride, the other leg forward.",
  },
  swimming: {
    start: standing({ nearLeg: bent(-75, -95, 0), farLeg: bent(-105, -115, -10), nearArm: bent(-120, -100), farArm: bent(-60, -30), props: [{ kind: "water", height: 105 }] }),
    end: standing({ nearLeg: bent(-105, -115, -10), farLeg: bent(-75, -95, 0), nearArm: bent(-60, -30), farArm: bent(-120, -100), props: [{ kind: "water", height: 105 }] }),
    startAlt: "Walking in chest-deep water, one leg forward.",
    endAlt: "The next step in the water, the other leg forward.",
  },
  "seated-forward-bend": {
    start: seated(),
    end: seated({ trunk: 25, neck: -40, nearArm: straight(-85), farArm: straight(-88) }),
    startAlt: "Sitting on the edge of a chair, feet apart, hands on the thighs.",
    endAlt: "Bending forward from the hips, hands sliding towards the floor, head hanging.",
  },
  "standing-back-extension": {
    start: standing({ nearArm: to("hip", -6, 4, "down"), farArm: to("hip", -8, 4, "down") }),
    end: standing({ trunk: 105, neck: 120, nearArm: to("hip", -8, 4, "down"), farArm: to("hip", -10, 4, "down") }),
    startAlt: "Standing with feet apart, hands on the back of the hips.",
    endAlt: "Leaning gently backwards, looking up, hands supporting the hips.",
  },
  "wall-sit": {
    start: standing({ trunk: 92, nearLeg: straight(-80, 0), farLeg: straight(-82, 0), props: [{ kind: "wall", x: -12 }] }),
    end: standing({ trunk: 92, nearLeg: bent(-30, -92, 0), farLeg: bent(-32, -92, 0), nearArm: straight(-85), farArm: straight(-87), props: [{ kind: "wall", x: -12 }] }),
    startAlt: "Standing with the back against a wall, feet a step forward.",
    endAlt: "Slid down the wall until the knees are bent, not past a right angle.",
  },
  clamshell: {
    start: { trunk: 180, neck: 172, nearLeg: bent(-20, -160, 180), farLeg: bent(-22, -161, 180), nearArm: to("hip", -16, 8, "up"), farArm: bent(180, 70) },
    end: {
      trunk: 180,
      neck: 172,
      nearLeg: to("farAnkle", 0, 4, "up", 180),
      farLeg: bent(-22, -161, 180),
      nearArm: to("hip", -16, 8, "up"),
      farArm: bent(180, 70),
      props: [arrow("nearKnee", 90, 2, 8)],
    },
    startAlt: "Lying on one side, hips and knees bent, heels together, head resting on the arm.",
    endAlt: "The top knee lifted with the feet still touching and the pelvis still.",
  },
  "thoracic-extension-chair": {
    start: seated({ nearArm: to("head", -4, 2, "up"), farArm: to("head", -6, 2, "up") }),
    end: seated({ trunk: 112, neck: 135, nearArm: to("head", -4, 2, "up"), farArm: to("head", -6, 2, "up") }),
    startAlt: "Sitting upright against the chair back, hands behind the head.",
    endAlt: "Leaning back gently over the top of the chair, looking up.",
  },
  "sciatic-nerve-glide": {
    start: seated({ neck: 50 }),
    end: seated({ neck: 115, nearLeg: bent(0, -5, 60) }),
    startAlt: "Sitting upright, knee bent, looking down.",
    endAlt: "One knee straightened while looking up.",
  },
  "supine-marching": {
    start: supine(),
    end: supine({ nearLeg: bent(80, -20, 0), props: [arrow("nearAnkle", 90, 8, 0)] }),
    startAlt: "Lying on the back, knees bent, stomach gently tight.",
    endAlt: "One foot lifted a few centimetres off the floor, the pelvis level.",
  },
  "sit-to-stand": {
    start: seated({ trunk: 65, neck: 55, nearArm: straight(-60), farArm: straight(-62) }),
    end: standing({ props: [{ kind: "chair", seat: 44, dx: -30 }] }),
    startAlt: "Sitting near the front of a chair, feet under the knees, leaning forward from the hips.",
    endAlt: "Standing up in front of the chair.",
  },
};
