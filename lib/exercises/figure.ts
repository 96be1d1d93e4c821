/**
 * The pose model behind the exercise pictures: a person seen from the side, described by the angle of
 * each body segment, drawn as a calm line figure with rounded limbs on a floor line. A new exercise is a
 * pose (a few angles, maybe a prop), not an artwork. Pure: no DOM, no server imports; the SVG it returns
 * is the same for the same pose, byte for byte (the pictures in public/exercises are generated from it).
 *
 * Angles are in degrees, measured like on a maths graph: 0 points right (the way the person faces when
 * standing), 90 points up, 180 left, -90 down. Segment angles are absolute (not relative to the parent),
 * which makes poses easy to read: a thigh at -90 hangs straight down whatever the trunk does.
 */

export type Point = { x: number; y: number };

/** Segment lengths, in drawing units (a standing figure is about 150 units tall). */
export const BODY = { trunk: 48, neck: 9, head: 10, upperArm: 27, forearm: 25, thigh: 42, shin: 40, foot: 13 } as const;

/** Where a hand or foot goes: an angle pair, or a target point it reaches for (the elbow or knee bends to get there). */
export type Limb = { upper: number; lower: number; end?: number } | { reach: Target; bend?: "up" | "down"; end?: number };

/** A point on the figure (joints of either side) or a fixed point, optionally offset. */
export type Target = { at: JointName | Point; dx?: number; dy?: number };

export type JointName = "hip" | "shoulder" | "head" | "nearKnee" | "farKnee" | "nearAnkle" | "farAnkle" | "nearToe" | "farToe" | "nearElbow" | "nearWrist" | "farWrist";

export type Prop =
  | { kind: "towel" } // from the near hand to the near foot
  | { kind: "chair"; seat?: number; dx?: number } // under the hip (or `seat` units high, `dx` along); the backrest behind
  | { kind: "wall"; x: number } // a wall at this x (relative to the hip)
  | { kind: "roller"; under: JointName; dx?: number } // a foam roller on the floor under a joint
  | { kind: "cushion"; under: JointName }
  | { kind: "band" } // a loop around the knees
  | { kind: "water"; height: number } // a water line this high above the floor
  | { kind: "arrow"; at: JointName; dx?: number; dy?: number; direction: number; curve?: number }; // a movement cue

export interface Pose {
  /** Trunk, hip to shoulder. */
  trunk: number;
  /** Bend of the back: positive rounds it up (like a cat), negative lets it sag. */
  spineCurve?: number;
  /** Neck, shoulder to head. Defaults to the trunk's angle. */
  neck?: number;
  nearLeg: Limb;
  farLeg: Limb;
  nearArm: Limb;
  farArm: Limb;
  props?: Prop[];
}

export interface Figure {
  joints: Record<"hip" | "shoulder" | "neck" | "head" | "nearKnee" | "farKnee" | "nearAnkle" | "farAnkle" | "nearToe" | "farToe" | "nearElbow" | "farElbow" | "nearWrist" | "farWrist", Point>;
}

const rad = (deg: number) => (deg * Math.PI) / 180;
const deg = (r: number) => (r * 180) / Math.PI;
const step = (from: Point, angle: number, length: number): Point => ({ x: from.x + length * Math.cos(rad(angle)), y: from.y + length * Math.sin(rad(angle)) });
const distance = (a: Point, b: Point) => Math.hypot(b.x - a.x, b.y - a.y);

/**
 * Two-segment reach (inverse kinematics): the angles of the upper and lower segment so the end lands on
 * the target, or as near as the segments allow. `bend` chooses which way the middle joint points.
 */
export function reach(root: Point, target: Point, upper: number, lower: number, bend: "up" | "down" = "up"): { upper: number; lower: number } {
  const d = Math.min(Math.max(distance(root, target), Math.abs(upper - lower) + 1e-6), upper + lower - 1e-6);
  const base = deg(Math.atan2(target.y - root.y, target.x - root.x));
  const cosA = (upper * upper + d * d - lower * lower) / (2 * upper * d);
  const a = deg(Math.acos(Math.min(1, Math.max(-1, cosA))));
  // "up": the middle joint ends up on the upper side of the root→target line.
  const sign = bend === "up" ? (Math.cos(rad(base)) >= 0 ? 1 : -1) : Math.cos(rad(base)) >= 0 ? -1 : 1;
  const upperAngle = base + sign * a;
  const middle = step(root, upperAngle, upper);
  const end = step(root, base, d);
  return { upper: upperAngle, lower: deg(Math.atan2(end.y - middle.y, end.x - middle.x)) };
}

/** Joint positions of a pose, hip at the origin (y up). */
export function solve(pose: Pose): Figure {
  const hip = { x: 0, y: 0 };
  const shoulder = step(hip, pose.trunk, BODY.trunk);
  const neck = step(shoulder, pose.neck ?? pose.trunk, BODY.neck);
  const head = step(neck, pose.neck ?? pose.trunk, BODY.head);
  const partial: Partial<Figure["joints"]> = { hip, shoulder, neck, head };
  const resolve = (t: Target): Point => {
    const base = typeof t.at === "string" ? partial[t.at] : t.at;
    if (!base) throw new Error(`pose: ${String(t.at)} is not placed yet`);
    return { x: base.x + (t.dx ?? 0), y: base.y + (t.dy ?? 0) };
  };
  const limb = (root: Point, l: Limb, upper: number, lower: number) => ("reach" in l ? reach(root, resolve(l.reach), upper, lower, l.bend) : l);
  // Legs first (arms often reach for a knee or a foot), the far leg before the near one.
  for (const side of ["far", "near"] as const) {
    const l = side === "near" ? pose.nearLeg : pose.farLeg;
    const a = limb(hip, l, BODY.thigh, BODY.shin);
    const knee = step(hip, a.upper, BODY.thigh);
    const ankle = step(knee, a.lower, BODY.shin);
    partial[`${side}Knee`] = knee;
    partial[`${side}Ankle`] = ankle;
    partial[`${side}Toe`] = step(ankle, l.end ?? 0, BODY.foot);
  }
  for (const side of ["far", "near"] as const) {
    const l = side === "near" ? pose.nearArm : pose.farArm;
    const a = limb(shoulder, l, BODY.upperArm, BODY.forearm);
    const elbow = step(shoulder, a.upper, BODY.upperArm);
    partial[`${side}Elbow`] = elbow;
    partial[`${side}Wrist`] = step(elbow, a.lower, BODY.forearm);
  }
  return { joints: partial as Figure["joints"] };
}

// The drawing: 240 × 160, the floor 18 units above the bottom edge; every figure at the same scale.
export const PICTURE = { width: 240, height: 160, floor: 142, scale: 0.78 } as const;
const STROKE = { limb: 7, far: 6, prop: 3 };
const COLOUR = { near: "#2f5d62", far: "#9dbcb8", head: "#2f5d62", floor: "#c9d2dc", prop: "#b7906b", furniture: "#98a6b5", water: "#7fb3d5", cue: "#d08a3c" };

const r1 = (n: number) => Math.round(n * 10) / 10;
const pt = (p: Point) => `${r1(p.x)} ${r1(p.y)}`;

/** Lowest point of the body (for standing it on the floor), taking the line thickness into account. */
function lowest(f: Figure, pose: Pose): number {
  const j = f.joints;
  const points = [j.hip, j.shoulder, j.nearKnee, j.farKnee, j.nearAnkle, j.farAnkle, j.nearToe, j.farToe, j.nearElbow, j.farElbow, j.nearWrist, j.farWrist];
  let min = Math.min(...points.map((p) => p.y), j.head.y - BODY.head);
  // A curved back sags below the line between hip and shoulder.
  if ((pose.spineCurve ?? 0) < 0) min = Math.min(min, (j.hip.y + j.shoulder.y) / 2 + (pose.spineCurve ?? 0));
  for (const prop of pose.props ?? []) {
    if (prop.kind === "chair") return Math.min(...points.filter((p) => p !== j.hip).map((p) => p.y)) - STROKE.limb / 2;
    if (prop.kind === "roller") min = Math.min(min, j[prop.under].y - 2 * 9 - STROKE.limb / 2);
  }
  return min - STROKE.limb / 2;
}

/** Renders a pose as a standalone SVG document (no script, no external references). */
export function renderPose(pose: Pose, title: string): string {
  const f = solve(pose);
  const j = f.joints;
  const all = Object.values(j);
  const bottom = lowest(f, pose);
  const minX = Math.min(...all.map((p) => p.x), j.head.x - BODY.head);
  const maxX = Math.max(...all.map((p) => p.x), j.head.x + BODY.head);
  const wall = (pose.props ?? []).find((p): p is Extract<Prop, { kind: "wall" }> => p.kind === "wall");
  // Centre the figure (and a wall, if any) on the picture; y flips (SVG y grows downwards).
  const left = wall ? Math.min(minX, wall.x) : minX;
  const k = PICTURE.scale;
  const offsetX = PICTURE.width / 2 - (k * (left + maxX)) / 2;
  const P = (p: Point): Point => ({ x: k * p.x + offsetX, y: PICTURE.floor - k * (p.y - bottom) });
  const floorY = PICTURE.floor;

  const parts: string[] = [];
  const line = (points: Point[], colour: string, width: number) =>
    parts.push(`<polyline points="${points.map((p) => pt(P(p))).join(" ")}" fill="none" stroke="${colour}" stroke-width="${width}" stroke-linecap="round" stroke-linejoin="round"/>`);

  // Behind the figure: furniture, wall, water.
  for (const prop of pose.props ?? []) {
    if (prop.kind === "chair") {
      const seatY = prop.seat !== undefined ? floorY - prop.seat : P(j.hip).y + STROKE.limb / 2 + 1.5;
      const sx = P(j.hip).x + (prop.dx ?? 0);
      const back = -1;
      const front = sx - back * 24 * k;
      const rear = sx + back * 10 * k;
      parts.push(
        `<polyline points="${pt({ x: front, y: seatY })} ${pt({ x: rear, y: seatY })} ${pt({ x: rear, y: seatY - 40 * k })}" fill="none" stroke="${COLOUR.furniture}" stroke-width="4" stroke-linecap="round" stroke-linejoin="round"/>`,
        `<polyline points="${pt({ x: front + back * 2, y: seatY })} ${pt({ x: front + back * 2, y: floorY })}" fill="none" stroke="${COLOUR.furniture}" stroke-width="4" stroke-linecap="round"/>`,
        `<polyline points="${pt({ x: rear, y: seatY })} ${pt({ x: rear, y: floorY })}" fill="none" stroke="${COLOUR.furniture}" stroke-width="4" stroke-linecap="round"/>`,
      );
    }
    if (prop.kind === "wall") {
      const x = k * prop.x + offsetX;
      parts.push(
        `<rect x="${r1(x - 8)}" y="8" width="8" height="${r1(floorY - 8)}" fill="#e3e8ee"/>`,
        `<line x1="${r1(x)}" y1="8" x2="${r1(x)}" y2="${floorY}" stroke="${COLOUR.furniture}" stroke-width="2"/>`,
      );
    }
    if (prop.kind === "water") {
      const y = floorY - k * prop.height;
      parts.push(`<rect x="4" y="${r1(y)}" width="${PICTURE.width - 8}" height="${r1(floorY - y)}" rx="6" fill="#e4f1f9"/>`);
      const waves = Array.from({ length: 14 }, () => "q 8 -4 16 0").join(" ");
      parts.push(`<path d="M 6 ${r1(y)} ${waves}" fill="none" stroke="${COLOUR.water}" stroke-width="2" stroke-linecap="round"/>`);
    }
  }
  // The floor.
  parts.push(`<line x1="8" y1="${floorY + 4}" x2="${PICTURE.width - 8}" y2="${floorY + 4}" stroke="${COLOUR.floor}" stroke-width="3" stroke-linecap="round"/>`);
  for (const prop of pose.props ?? []) {
    if (prop.kind === "roller") {
      const c = P(j[prop.under]);
      parts.push(`<circle cx="${r1(c.x + k * (prop.dx ?? 0))}" cy="${r1(floorY + 2 - 9 * k)}" r="${r1(9 * k)}" fill="#eadfd3" stroke="${COLOUR.prop}" stroke-width="2"/>`);
    }
    if (prop.kind === "cushion") {
      const c = P(j[prop.under]);
      parts.push(`<rect x="${r1(c.x - 10)}" y="${r1(floorY - 3)}" width="20" height="6" rx="3" fill="#eadfd3" stroke="${COLOUR.prop}" stroke-width="1.5"/>`);
    }
  }

  // The far side first (lighter, behind), then the trunk and head, then the near side.
  line([j.hip, j.farKnee, j.farAnkle, j.farToe], COLOUR.far, STROKE.far);
  line([j.shoulder, j.farElbow, j.farWrist], COLOUR.far, STROKE.far);
  const curve = pose.spineCurve ?? 0;
  if (curve) {
    const mid = { x: (j.hip.x + j.shoulder.x) / 2, y: (j.hip.y + j.shoulder.y) / 2 };
    // The bulge is perpendicular to the trunk, towards "up" for a positive curve.
    const normal = step({ x: 0, y: 0 }, pose.trunk + (Math.cos(rad(pose.trunk)) >= 0 ? 90 : -90), 2 * curve);
    const control = P({ x: mid.x + normal.x, y: mid.y + normal.y });
    parts.push(
      `<path d="M ${pt(P(j.hip))} Q ${pt(control)} ${pt(P(j.shoulder))} L ${pt(P(j.neck))}" fill="none" stroke="${COLOUR.near}" stroke-width="${STROKE.limb + 1}" stroke-linecap="round" stroke-linejoin="round"/>`,
    );
  } else {
    line([j.hip, j.shoulder, j.neck], COLOUR.near, STROKE.limb + 1);
  }
  const head = P(j.head);
  parts.push(`<circle cx="${r1(head.x)}" cy="${r1(head.y)}" r="${r1(k * BODY.head)}" fill="${COLOUR.head}"/>`);
  line([j.hip, j.nearKnee, j.nearAnkle, j.nearToe], COLOUR.near, STROKE.limb);
  line([j.shoulder, j.nearElbow, j.nearWrist], COLOUR.near, STROKE.limb);

  // In front: what the hands hold, and movement cues.
  for (const prop of pose.props ?? []) {
    if (prop.kind === "towel") {
      const a = P(j.nearWrist);
      const b = P({ x: (j.nearAnkle.x + j.nearToe.x) / 2, y: (j.nearAnkle.y + j.nearToe.y) / 2 });
      const c = { x: (a.x + b.x) / 2 + 3, y: (a.y + b.y) / 2 + 3 };
      parts.push(`<path d="M ${pt(a)} Q ${pt(c)} ${pt(b)}" fill="none" stroke="${COLOUR.prop}" stroke-width="${STROKE.prop}" stroke-linecap="round"/>`);
    }
    if (prop.kind === "band") {
      const a = P(j.nearKnee);
      const b = P(j.farKnee);
      parts.push(`<ellipse cx="${r1((a.x + b.x) / 2)}" cy="${r1((a.y + b.y) / 2)}" rx="6" ry="${r1(Math.max(5, distance(a, b) / 2 + 4))}" fill="none" stroke="${COLOUR.prop}" stroke-width="2.5"/>`);
    }
    if (prop.kind === "arrow") {
      const from = P({ x: j[prop.at].x + (prop.dx ?? 0), y: j[prop.at].y + (prop.dy ?? 0) });
      // SVG y is flipped: an angle "up" is -y on screen.
      const to = { x: from.x + 18 * Math.cos(rad(prop.direction)), y: from.y - 18 * Math.sin(rad(prop.direction)) };
      const bend = prop.curve ?? 0;
      const ctrl = { x: (from.x + to.x) / 2 - bend * Math.sin(rad(prop.direction)), y: (from.y + to.y) / 2 - bend * Math.cos(rad(prop.direction)) };
      const tip = deg(Math.atan2(to.y - ctrl.y, to.x - ctrl.x));
      const wing = (d: number) => ({ x: to.x - 6 * Math.cos(rad(tip + d)), y: to.y - 6 * Math.sin(rad(tip + d)) });
      parts.push(
        `<path d="M ${pt(from)} Q ${pt(ctrl)} ${pt(to)}" fill="none" stroke="${COLOUR.cue}" stroke-width="2.5" stroke-linecap="round"/>`,
        `<polyline points="${pt(wing(35))} ${pt(to)} ${pt(wing(-35))}" fill="none" stroke="${COLOUR.cue}" stroke-width="2.5" stroke-linecap="round" stroke-linejoin="round"/>`,
      );
    }
  }

  const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${PICTURE.width} ${PICTURE.height}" width="${PICTURE.width}" height="${PICTURE.height}" role="img"><title>${escape(title)}</title><rect width="${PICTURE.width}" height="${PICTURE.height}" rx="12" fill="#f7f8f6"/>${parts.join("")}</svg>\n`;
}
