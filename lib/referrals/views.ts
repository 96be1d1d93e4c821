import "server-only";
import { getDb } from "@/db/client";
import type { CurrentUser } from "@/lib/auth";
import { recordListRead } from "@/lib/audit";
import { searchPatients } from "@/lib/patients/queries";

/** Recording an incoming referral: the patient is found by a search (at least 2 characters, 20 results), never a directory. */
export const REFERRAL_SEARCH_MIN = 2;
export const REFERRAL_SEARCH_LIMIT = 20;

export async function getReferralPageData({ viewer, q }: { viewer: Pick<CurrentUser, "id" | "role">; q: string }) {
  const term = q.trim().slice(0, 100);
  if (term.length < REFERRAL_SEARCH_MIN) return { q: term, patients: [] as Array<{ id: string; label: string }>, searched: false };
  const db = getDb();
  const rows = await searchPatients(db, term, REFERRAL_SEARCH_LIMIT);
  await recordListRead(db, { actor: viewer, view: "referrals.patient_search", patientIds: rows.map((r) => r.id) });
  return { q: term, searched: true, patients: rows.map((r) => ({ id: r.id, label: `${r.fullName}${r.dateOfBirth ? ` (born ${r.dateOfBirth})` : ""}` })) };
}
