import type { Metadata } from "next";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { patients } from "@/db/schema";
import { getCurrentUser } from "@/lib/auth";
import { listLocations, listPublicPractitioners, listPublicServices } from "@/lib/clinic/queries";
import { serviceGroupOf } from "@/lib/clinic/disciplines";
import { describeTimeZone } from "@/lib/time";
import { PageHeader } from "../_components/ui";
import { BookingFlow } from "./booking-flow";

export const metadata: Metadata = { title: "Book an appointment" };
export const dynamic = "force-dynamic";

/** Public: the patient's booking flow. A signed-in patient finds their details filled in. */
export default async function BookPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const db = getDb();
  const [services, practitioners, locations, user] = await Promise.all([listPublicServices(db), listPublicPractitioners(db), listLocations(db), getCurrentUser()]);
  const timeZone = locations[0]?.timeZone ?? "America/New_York";
  let contact: { name: string; email: string; phone: string; dateOfBirth: string } | null = null;
  if (user?.patientId) {
    const [p] = await db.select().from(patients).where(eq(patients.id, user.patientId));
    if (p) contact = { name: p.fullName, email: p.email, phone: p.phone, dateOfBirth: p.dateOfBirth ?? "" };
  }
  const initialService = typeof params.service === "string" && services.some((s) => s.slug === params.service) ? params.service : "";
  return (
    <>
      <PageHeader title="Book an appointment" description="A few short steps. Nothing is booked until you send the request on the last step." />
      <BookingFlow
        services={services.map((s) => ({ slug: s.slug, name: s.name, description: s.description, durationMinutes: s.durationMinutes, needsReview: s.needsReview, group: serviceGroupOf(s.discipline) }))}
        practitioners={practitioners.map((p) => ({ id: p.id, name: p.displayName, credentials: p.credentials, services: p.services }))}
        timeZone={timeZone}
        timeZoneLabel={describeTimeZone(timeZone)}
        initialService={initialService}
        contact={contact}
      />
    </>
  );
}
