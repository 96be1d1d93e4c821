import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requireRole } from "@/lib/auth";
import { PageHeader } from "../../../_components/ui";
import { AdminNav } from "../../admin-nav";
import { ServiceForm } from "./service-form";
import { getServicePageData } from "@/lib/admin/views";

export const metadata: Metadata = { title: "Edit service" };

export default async function EditServicePage({ params }: { params: Promise<{ id: string }> }) {
  await requireRole("admin");
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const service = await getServicePageData({ serviceId: id });
  if (!service) notFound();
  return (
    <>
      <PageHeader title={`Edit: ${service.name}`} description={`Slug ${service.slug} (used in links and the API; not editable).`} />
      <AdminNav current="/admin/services" />
      <ServiceForm
        service={{
          id: service.id,
          name: service.name,
          description: service.description,
          discipline: service.discipline,
          durationMinutes: service.durationMinutes,
          bufferBeforeMinutes: service.bufferBeforeMinutes,
          bufferAfterMinutes: service.bufferAfterMinutes,
          minNoticeMinutes: service.minNoticeMinutes,
          cancellationCutoffHours: service.cancellationCutoffHours,
          needsReview: service.needsReview,
          isHandsOn: service.isHandsOn,
          roomKind: service.roomKind,
          isOnlineBookable: service.isOnlineBookable,
          isActive: service.isActive,
        }}
      />
    </>
  );
}
