import type { Role } from "@/lib/auth/roles";

/** Who books a plan of care as a series: the front desk, admins and practitioners (from a case). */
export function canBookSeries(viewer: { role: Role }): boolean {
  return viewer.role === "staff" || viewer.role === "admin" || viewer.role === "practitioner";
}

/** The recall list (patients whose plan has visits left but nothing booked) and stopping a plan: the desk and admins. */
export function canSeeRecallList(viewer: { role: Role }): boolean {
  return viewer.role === "staff" || viewer.role === "admin";
}
