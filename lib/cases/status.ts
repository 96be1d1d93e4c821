export const CASE_STATUSES = ["new", "triaged", "in_care", "case_conference", "discharged"] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  new: "New",
  triaged: "Triaged",
  in_care: "In care",
  case_conference: "Case conference",
  discharged: "Discharged",
};

export const DURATION_CLASSES = ["acute", "subacute", "chronic"] as const;
export type DurationClass = (typeof DURATION_CLASSES)[number];
export const DURATION_CLASS_LABELS: Record<DurationClass, string> = { acute: "Acute", subacute: "Subacute", chronic: "Chronic" };
