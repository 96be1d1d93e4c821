import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { requireRole } from "@/lib/auth";
import { listPatientOptions } from "@/lib/patients/queries";
import { IncomingReferralForm } from "../../../_components/referral-form";
import { PageHeader } from "../../../_components/ui";
import { DeskNav } from "../../desk-nav";

export const metadata: Metadata = { title: "Record a referral" };

export default async function NewReferralPage() {
  await requireRole("staff", "admin");
  const patients = await listPatientOptions(getDb());
  return (
    <div className="max-w-2xl">
      <PageHeader title="Record an incoming referral" description="It joins the patient's open case, or opens a new one." />
      <DeskNav current="/desk/referrals/new" />
      <IncomingReferralForm patients={patients} />
    </div>
  );
}
