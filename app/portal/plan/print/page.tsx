import type { Metadata } from "next";
import { requireRole } from "@/lib/auth";
import { getPortalPrintData } from "@/lib/portal/views";
import { RegimenSheet } from "../../../_components/regimen-sheet";
import { EmptyState } from "../../../_components/ui";

export const metadata: Metadata = { title: "My exercise plan (print)" };

export default async function PatientPrintPage() {
  const user = await requireRole("patient");
  const plans = await getPortalPrintData({ viewer: user });
  if (!plans.length) return <EmptyState>You have no exercise plan yet.</EmptyState>;
  return (
    <>
      {plans.map((p) => (
        <RegimenSheet key={p.id} title={p.title} patientName={user.name} author={p.authorName} startDate={p.startDate} reviewDate={p.reviewDate} items={p.items} />
      ))}
    </>
  );
}
