export const REFERRAL_DIRECTIONS = ["incoming", "outgoing"] as const;
export type ReferralDirection = (typeof REFERRAL_DIRECTIONS)[number];

export const INCOMING_SPECIALTIES = ["oncology", "hematology", "rheumatology", "bone_health", "primary_care", "other"] as const;
export const OUTGOING_SPECIALTIES = ["oncology", "hematology", "rheumatology", "bone_health", "primary_care", "imaging", "surgery", "pain_management", "other"] as const;
export const SPECIALTIES = ["oncology", "hematology", "rheumatology", "bone_health", "primary_care", "imaging", "surgery", "pain_management", "other"] as const;
export type Specialty = (typeof SPECIALTIES)[number];

export const SPECIALTY_LABELS: Record<Specialty, string> = {
  oncology: "Oncology",
  hematology: "Hematology",
  rheumatology: "Rheumatology",
  bone_health: "Mineral metabolism / bone health",
  primary_care: "Primary care",
  imaging: "Imaging",
  surgery: "Spine surgery",
  pain_management: "Pain management",
  other: "Other",
};

/** Incoming referrals are received; outgoing ones move sent → accepted → seen → closed. */
export const REFERRAL_STATUSES = ["received", "sent", "accepted", "seen", "closed"] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];
export const REFERRAL_STATUS_LABELS: Record<ReferralStatus, string> = { received: "Received", sent: "Sent", accepted: "Accepted", seen: "Seen", closed: "Closed" };
