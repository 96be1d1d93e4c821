/**
 * Finding exercises in the library: by words in the name (or instructions), body area, position and
 * equipment. Pure, so the regimen builder filters as the practitioner types, without a round trip.
 */

export interface SearchableExercise {
  name: string;
  instructions?: string;
  bodyArea: string;
  position: string;
  equipment: string;
}

export interface ExerciseFilter {
  text?: string;
  bodyArea?: string;
  position?: string;
  equipment?: string;
}

const fold = (s: string) =>
  s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[–—-]/g, " ");

/**
 * The pieces of equipment an exercise needs, as short lower-case words: "Mat, optional band" → mat, band;
 * "Towel or belt" → towel, belt; "None" → none.
 */
export function equipmentTags(equipment: string): string[] {
  const tags = fold(equipment)
    .split(/,| or | and |\//)
    .map((part) =>
      part
        .replace(/\b(optional|a|an|the|with|for|comfortable)\b/g, " ")
        .replace(/\s+/g, " ")
        .trim(),
    )
    .map((part) =>
      part
        .replace(/^chair\b.*$/, "chair")
        .replace(/^cushion.*$/, "cushion")
        .replace(/s$/, ""),
    )
    .filter(Boolean);
  return [...new Set(tags)];
}

/** Every equipment word in a library, sorted, for the builder's equipment filter. */
export function equipmentOptions(list: readonly SearchableExercise[]): string[] {
  return [...new Set(list.flatMap((e) => equipmentTags(e.equipment)))].sort((a, b) => (a === "none" ? -1 : b === "none" ? 1 : a.localeCompare(b)));
}

/** The exercises matching every given criterion; words match the start of words in the name first, then anywhere in name or instructions. */
export function searchExercises<E extends SearchableExercise>(list: readonly E[], filter: ExerciseFilter): E[] {
  const words = fold(filter.text ?? "")
    .split(/\s+/)
    .filter(Boolean);
  const matches = list.filter(
    (e) =>
      (!filter.bodyArea || e.bodyArea === filter.bodyArea) &&
      (!filter.position || e.position === filter.position) &&
      (!filter.equipment || equipmentTags(e.equipment).includes(filter.equipment)) &&
      words.every((w) => fold(`${e.name} ${e.instructions ?? ""}`).includes(w)),
  );
  if (!words.length) return matches;
  const inName = (e: E) =>
    words.every((w) =>
      fold(e.name)
        .split(/\s+/)
        .some((part) => part.startsWith(w)),
    );
  return [...matches.filter(inName), ...matches.filter((e) => !inName(e))];
}
