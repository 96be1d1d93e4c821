import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { requireRole } from "@/lib/auth";
import { listLocations, listPublicPractitioners, listPublicServices } from "@/lib/clinic/queries";
import { serviceGroupOf } from "@/lib/clinic/disciplines";
import { describeTimeZone } from "@/lib/time";
import { BookingFlow } from "../../book/booking-flow";
import { PageHeader } from "../../_components/ui";
import { DeskNav } from "../desk-nav";

export const metadata: Metadata = { title: "Book for a patient" };

/** The front desk books for a patient on the phone: same engine, checks and intake as online. */
export default async function DeskBookPage() {
  await requireRole("staff", "admin");
  const db = getDb();
  const [services, practitioners, locations] = await Promise.all([listPublicServices(db), listPublicPractitioners(db), listLocations(db)]);
  const timeZone = locations[0]?.timeZone ?? "America/New_York";
  return (
    <>
      <PageHeader title="Book for a patient" description="Ask the patient each question as written, including the safety questions." />
      <DeskNav current="/desk/book" />
      <BookingFlow
        mode="desk"
        services={services.map((s) => ({ slug: s.slug, name: s.name, description: s.description, durationMinutes: s.durationMinutes, needsReview: s.needsReview, group: serviceGroupOf(s.discipline) }))}
        practitioners={practitioners.map((p) => ({ id: p.id, name: p.displayName, credentials: p.credentials, services: p.services }))}
        timeZone={timeZone}
        timeZoneLabel={describeTimeZone(timeZone)}
        initialService=""
        contact={null}
      />
    </>
  );
}
