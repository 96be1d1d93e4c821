import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requireRole } from "@/lib/auth";
import { getRegimenPrintData } from "@/lib/regimens/views";
import { RegimenSheet } from "../../../../_components/regimen-sheet";

export const metadata: Metadata = { title: "Exercise plan (print)" };

export default async function PrintRegimenPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireRole("practitioner", "admin");
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const data = await getRegimenPrintData({ viewer: user, caseId: id });
  if (!data) notFound();
  const { current } = data;
  return <RegimenSheet title={current.title} patientName={data.patientName} author={current.authorName} startDate={current.startDate} reviewDate={current.reviewDate} items={current.items} />;
}
