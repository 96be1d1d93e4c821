export const BODY_AREAS = ["lower_back", "hips", "hamstrings", "glutes", "core", "thoracic_spine", "whole_body"] as const;
export const POSITIONS = ["lying_on_back", "lying_on_front", "side_lying", "all_fours", "kneeling", "sitting", "standing", "walking", "in_water"] as const;
export const DIFFICULTIES = ["easy", "moderate", "hard"] as const;
export const SIDES = ["both", "left", "right", "alternating"] as const;

export type BodyArea = (typeof BODY_AREAS)[number];
export type Position = (typeof POSITIONS)[number];
export type Difficulty = (typeof DIFFICULTIES)[number];
export type Side = (typeof SIDES)[number];

export const label = (value: string) => value.replaceAll("_", " ").replace(/^./, (c) => c.toUpperCase());

/** Above this many exercises adherence drops (DOMAIN.md); the builder warns, it does not refuse. */
export const GENTLE_LIMIT = 6;
