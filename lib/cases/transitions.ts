import type { CaseStatus } from "./status";

/**
 * The only way a case changes status. new → triaged → in care → (case conference ↔ in care) →
 * discharged; a discharged case can be reopened to triaged when the same episode flares up again.
 */
const ALLOWED: Record<CaseStatus, readonly CaseStatus[]> = {
  new: ["triaged", "in_care", "case_conference", "discharged"],
  triaged: ["in_care", "case_conference", "discharged"],
  in_care: ["case_conference", "discharged"],
  case_conference: ["in_care", "discharged"],
  discharged: ["triaged"],
};

export type TransitionResult = { ok: true; to: CaseStatus } | { ok: false; reason: string };

export function transitionCase(from: CaseStatus, to: CaseStatus): TransitionResult {
  if (from === to) return { ok: false, reason: `The case is already ${to.replace("_", " ")}.` };
  if (!ALLOWED[from].includes(to)) return { ok: false, reason: `A case cannot go from ${from.replace("_", " ")} to ${to.replace("_", " ")}.` };
  return { ok: true, to };
}

export function nextStatuses(from: CaseStatus): readonly CaseStatus[] {
  return ALLOWED[from];
}
