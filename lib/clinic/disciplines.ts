export const DISCIPLINES = ["spine_physician", "chiropractor", "physical_therapist", "massage_therapist", "nurse"] as const;
export type Discipline = (typeof DISCIPLINES)[number];

export const DISCIPLINE_LABELS: Record<Discipline, string> = {
  spine_physician: "Spine physician",
  chiropractor: "Chiropractor",
  physical_therapist: "Physical therapist",
  massage_therapist: "Massage therapist",
  nurse: "Nurse",
};

/** How the booking page groups services: the spine center's clinicians, or massage. */
export type ServiceGroup = "spine_center" | "massage";
export function serviceGroupOf(discipline: Discipline): ServiceGroup {
  return discipline === "massage_therapist" ? "massage" : "spine_center";
}
export const SERVICE_GROUP_LABELS: Record<ServiceGroup, string> = {
  spine_center: "Spine center",
  massage: "Massage",
};
