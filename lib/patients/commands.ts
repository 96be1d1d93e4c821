import "server-only";
import { eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { patients } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth";
import { DomainError } from "@/lib/errors";
import { canEditPatientContact } from "./policy";

type ContactField = "name" | "email" | "phone";

/**
 * The desk changes a patient's name, email or phone. The audit event lists which fields changed, never
 * the values (the record holds them; the trail must not become a second copy). No change, no event.
 */
export async function updatePatientContact(
  tx: Tx,
  input: { patientId: string; name: string; email: string; phone: string; actor: Pick<CurrentUser, "id" | "role"> },
): Promise<{ changed: ContactField[] }> {
  const [patient] = await tx.select().from(patients).where(eq(patients.id, input.patientId)).for("update");
  if (!patient) throw new DomainError("not_found", "patient");
  if (!canEditPatientContact(input.actor, patient)) throw new DomainError("invalid", "patient_provisional");
  const changed: ContactField[] = [];
  if (patient.fullName !== input.name) changed.push("name");
  if (patient.email !== input.email) changed.push("email");
  if (patient.phone !== input.phone) changed.push("phone");
  if (!changed.length) return { changed };
  await tx.update(patients).set({ fullName: input.name, email: input.email, phone: input.phone }).where(eq(patients.id, patient.id));
  await recordAuditEvent(tx, { actor: input.actor, action: "patient.contact_updated", patientId: patient.id, entityType: "patient", entityId: patient.id, details: { fields: changed } });
  return { changed };
}
