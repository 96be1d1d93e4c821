import type { RedFlagCode } from "./red-flags";

/**
 * Age at intake, as data like the red-flag table: each rule has its source. AHCPR (1994) counts age under
 * 20 or over 50 as raising concern for a serious cause, and over 70 with trauma or steroid use for a
 * fracture; NICE NG59 warns against using age alone. So age informs the clinician (shown beside the flags)
 * and does not by itself gate adult care. Minors are the one rule that acts: a parent or guardian
 * consents, and the front desk confirms (never an automatic confirmation).
 */
export type AgeEffect = "minor" | "inform";

export interface AgeRule {
  code: "minor" | "under_20" | "over_50" | "over_70_fracture_risk";
  effect: AgeEffect;
  label: string;
  source: string;
  applies: (age: number, redFlags: readonly RedFlagCode[]) => boolean;
}

export const ADULT_AGE = 18;

export const AGE_RULES: readonly AgeRule[] = [
  {
    code: "minor",
    effect: "minor",
    label: "Under 18: a parent or guardian consents and the front desk confirms",
    source: "Clinic policy: consent of a parent or guardian for patients under 18",
    applies: (age) => age < ADULT_AGE,
  },
  {
    code: "under_20",
    effect: "inform",
    label: "Age under 20",
    source: "AHCPR 1994: age under 20 raises concern for a serious cause (NICE NG59: not by itself)",
    applies: (age) => age < 20,
  },
  {
    code: "over_50",
    effect: "inform",
    label: "Age over 50",
    source: "AHCPR 1994: age over 50 raises concern for a serious cause (NICE NG59: not by itself)",
    applies: (age) => age > 50,
  },
  {
    code: "over_70_fracture_risk",
    effect: "inform",
    label: "Over 70 with trauma or steroid use: consider a fracture",
    source: "AHCPR 1994: age over 70 with trauma or steroid use raises concern for a fracture",
    applies: (age, flags) => age > 70 && (flags.includes("major_trauma") || flags.includes("osteoporosis_or_steroids")),
  },
];

/** Whole years between a date of birth and a day, both "YYYY-MM-DD". */
export function ageOn(dateOfBirth: string, on: string): number {
  const [by, bm, bd] = dateOfBirth.split("-").map(Number) as [number, number, number];
  const [y, m, d] = on.split("-").map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

export interface AgeAssessment {
  age: number;
  isMinor: boolean;
  notes: Array<Pick<AgeRule, "code" | "label" | "source">>;
}

export function assessAge(dateOfBirth: string | null | undefined, on: string, redFlags: readonly RedFlagCode[] = []): AgeAssessment | null {
  if (!dateOfBirth) return null;
  const age = ageOn(dateOfBirth, on);
  const matched = AGE_RULES.filter((r) => r.applies(age, redFlags));
  return {
    age,
    isMinor: matched.some((r) => r.effect === "minor"),
    notes: matched.map(({ code, label, source }) => ({ code, label, source })),
  };
}
