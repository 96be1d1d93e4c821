import type { Metadata } from "next";
import { requireRole } from "@/lib/auth";
import { getReferralPageData } from "@/lib/referrals/views";
import { IncomingReferralForm, ReferralPatientSearch } from "../../../_components/referral-form";
import { PageHeader } from "../../../_components/ui";
import { DeskNav } from "../../desk-nav";

export const metadata: Metadata = { title: "Record a referral" };

export default async function NewReferralPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireRole("staff", "admin");
  const raw = await searchParams;
  const data = await getReferralPageData({ viewer: user, q: typeof raw.q === "string" ? raw.q : "" });
  return (
    <div className="max-w-2xl">
      <PageHeader title="Record an incoming referral" description="It joins the patient's open case, or opens a new one." />
      <DeskNav current="/desk/referrals/new" />
      <ReferralPatientSearch q={data.q} searched={data.searched} found={data.patients.length} />
      <IncomingReferralForm patients={data.patients} />
    </div>
  );
}
