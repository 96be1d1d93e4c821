import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { requireRole } from "@/lib/auth";
import { getPatientPlans } from "@/lib/regimens/regimens";
import { RegimenSheet } from "../../../_components/regimen-sheet";
import { EmptyState } from "../../../_components/ui";

export const metadata: Metadata = { title: "My exercise plan (print)" };

export default async function PatientPrintPage() {
  const user = await requireRole("patient");
  const plans = user.patientId ? await getPatientPlans(getDb(), user.patientId) : [];
  if (!plans.length) return <EmptyState>You have no exercise plan yet.</EmptyState>;
  return (
    <>
      {plans.map((p) => (
        <RegimenSheet key={p.id} title={p.title} patientName={user.name} author={p.authorName} startDate={p.startDate} reviewDate={p.reviewDate} items={p.items} />
      ))}
    </>
  );
}
