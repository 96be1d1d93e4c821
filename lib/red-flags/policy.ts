import type { Discipline } from "@/lib/clinic/disciplines";
import { DISCIPLINE_LABELS } from "@/lib/clinic/disciplines";
import type { Role } from "@/lib/auth/roles";
import { CLEARED_BY, type Priority } from "@/lib/triage/red-flags";

/**
 * Who may clear and who may close: pure rules shared by the commands (which enforce them) and the pages
 * (which show or hide the buttons). Clearance rights are data (CLEARED_BY in lib/triage/red-flags.ts).
 */
export interface Viewer {
  role: Role;
  discipline: Discipline | null;
}

type FlagPriority = Exclude<Priority, "routine">;

export function canClearFlag(viewer: Viewer, flag: { priority: FlagPriority; clearedAt: Date | null }): boolean {
  if (flag.clearedAt) return false;
  return viewer.role === "practitioner" && viewer.discipline !== null && CLEARED_BY[flag.priority].includes(viewer.discipline);
}

/** "a spine physician" / "a spine physician or a nurse": who can clear a flag of this priority. */
export function whoCanClear(priority: FlagPriority): string {
  const names = CLEARED_BY[priority].map((d) => `a ${DISCIPLINE_LABELS[d].toLowerCase()}`);
  return names.length > 1 ? `${names.slice(0, -1).join(", ")} or ${names.at(-1)}` : names[0]!;
}

/** Flags serious enough that closing a case over them is a spine physician's decision. */
export const SERIOUS_FLAG_PRIORITIES: readonly FlagPriority[] = ["emergency", "same_day"];

export function seriousUncleared<T extends { priority: FlagPriority; clearedAt: Date | null }>(flags: readonly T[]): T[] {
  return flags.filter((f) => !f.clearedAt && SERIOUS_FLAG_PRIORITIES.includes(f.priority));
}

/**
 * Discharging (closing) a case: anyone on the clinical team, except while the patient has an uncleared
 * emergency or same-day flag — then only a spine physician, with a reason.
 */
export function canDischargeCase(viewer: Viewer, flags: ReadonlyArray<{ priority: FlagPriority; clearedAt: Date | null }>): boolean {
  if (viewer.role !== "practitioner" && viewer.role !== "admin") return false;
  if (!seriousUncleared(flags).length) return true;
  return viewer.role === "practitioner" && viewer.discipline === "spine_physician";
}
