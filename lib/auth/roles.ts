export const ROLES = ["patient", "staff", "practitioner", "admin"] as const;
export type Role = (typeof ROLES)[number];

/** Where each role lands after sign-in. */
export const HOME_BY_ROLE: Record<Role, string> = {
  patient: "/portal",
  staff: "/desk",
  practitioner: "/cases",
  admin: "/admin",
};

export const ROLE_LABELS: Record<Role, string> = {
  patient: "Patient",
  staff: "Front desk",
  practitioner: "Practitioner",
  admin: "Admin",
};

/**
 * Which roles may open each protected area. Pages re-check with requireRole(); proxy.ts only uses
 * this to redirect anonymous visitors early.
 */
export const AREA_ROLES = {
  "/portal": ["patient"],
  "/desk": ["staff", "admin"],
  "/cases": ["practitioner", "admin"],
  "/admin": ["admin"],
  "/account": ["patient", "staff", "practitioner", "admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Area = keyof typeof AREA_ROLES;

export function areaOf(pathname: string): Area | null {
  for (const area of Object.keys(AREA_ROLES) as Area[]) {
    if (pathname === area || pathname.startsWith(`${area}/`)) return area;
  }
  return null;
}

/**
 * The page to send a user to after sign-in: the requested one when it is a same-site path this role
 * may open, otherwise the role's home. Never an absolute URL (no open redirect).
 */
export function landingFor(role: Role, requested: string | null | undefined): string {
  if (requested && requested.startsWith("/") && !requested.startsWith("//") && !requested.includes("\\")) {
    const area = areaOf(requested.split("?")[0] ?? "");
    if (area && (AREA_ROLES[area] as readonly Role[]).includes(role)) return requested;
  }
  return HOME_BY_ROLE[role];
}
