import type { Metadata } from "next";
import { requireRole } from "@/lib/auth";
import { PageHeader } from "../../../_components/ui";
import { AdminNav } from "../../admin-nav";
import { ServiceForm } from "../[id]/service-form";

export const metadata: Metadata = { title: "New service" };

/** A new service: the edit form, empty; the slug (links, API) is made from the name. */
export default async function NewServicePage() {
  await requireRole("admin");
  return (
    <>
      <PageHeader title="New service" description="Its web address is made from the name and does not change afterwards." />
      <AdminNav current="/admin/services" />
      <ServiceForm
        service={{
          name: "",
          description: "",
          discipline: "massage_therapist",
          durationMinutes: 60,
          bufferBeforeMinutes: 0,
          bufferAfterMinutes: 15,
          minNoticeMinutes: 120,
          cancellationCutoffHours: 24,
          needsReview: false,
          isHandsOn: true, // massage: hands-on unless the admin says otherwise
          roomKind: null,
          isOnlineBookable: true,
          isActive: true,
        }}
      />
    </>
  );
}
