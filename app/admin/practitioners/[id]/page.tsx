import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requireRole } from "@/lib/auth";
import { toWeeklyForm } from "@/lib/clinic/hours";
import { DISCIPLINE_LABELS } from "@/lib/clinic/disciplines";
import { localDate } from "@/lib/time";
import { Alert, PageHeader } from "../../../_components/ui";
import { AdminNav } from "../../admin-nav";
import { HoursForm } from "./hours-form";
import { getPractitionerPageData } from "@/lib/admin/views";

export const metadata: Metadata = { title: "Working hours" };

export default async function PractitionerHoursPage({ params }: { params: Promise<{ id: string }> }) {
  await requireRole("admin");
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const data = await getPractitionerPageData({ practitionerId: id });
  if (!data) notFound();
  const { practitioner, locations, hours } = data;
  const location = locations.find((l) => hours.some((h) => h.locationId === l.id)) ?? locations.find((l) => l.id === practitioner.locationId) ?? locations[0];
  if (!location) return <Alert tone="warning">Add a location first.</Alert>;
  const today = localDate(new Date(), location.timeZone);
  return (
    <>
      <PageHeader
        title={`Working hours: ${practitioner.displayName}`}
        description={`${DISCIPLINE_LABELS[practitioner.discipline]} · times are local to ${location.name} (${location.timeZone}).`}
      />
      <AdminNav current="/admin/practitioners" />
      <HoursForm
        defaults={{ practitionerId: practitioner.id, locationId: location.id, effectiveFrom: today, days: toWeeklyForm(hours, today, location.id) }}
        locations={locations.map((l) => ({ id: l.id, name: l.name }))}
        today={today}
      />
    </>
  );
}
