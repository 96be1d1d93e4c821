import type { Metadata } from "next";
import { z } from "zod";
import { requireRole } from "@/lib/auth";
import { getDeskBookPageData } from "@/lib/desk/views";
import { BookingFlow } from "../../book/booking-flow";
import { PageHeader } from "../../_components/ui";
import { DeskNav } from "../desk-nav";

export const metadata: Metadata = { title: "Book for a patient" };

/**
 * The front desk books for a patient on the phone: same engine, checks and intake as online. From a
 * patient's page (?patient=<id>) the contact comes from their record and the booking joins it.
 */
const SlotQuery = z.object({ start: z.iso.datetime({ offset: true }), practitioner: z.uuid().optional(), location: z.uuid().optional() });

export default async function DeskBookPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireRole("staff", "admin");
  const raw = await searchParams;
  const patientParam = typeof raw.patient === "string" ? raw.patient : undefined;
  // From the calendar: the free time chosen there (the service is still asked; the engine checks the time).
  const slot = SlotQuery.safeParse(raw);
  const patientId = z.uuid().safeParse(patientParam).success ? patientParam : undefined;
  const data = await getDeskBookPageData({ viewer: user, patientId });
  const patient = data.patient;
  return (
    <>
      <PageHeader title={patient ? `Book for ${patient.name}` : "Book for a patient"} description="Ask the patient each question as written, including the safety questions." />
      <DeskNav current="/desk/book" />
      <BookingFlow
        mode="desk"
        services={data.services}
        practitioners={data.practitioners}
        locations={data.locations}
        emergencyNumber={data.emergencyNumber}
        initialService=""
        contact={patient ? { name: patient.name, email: patient.email, phone: patient.phone, dateOfBirth: patient.dateOfBirth } : null}
        patientId={patient?.id}
        initialSlot={slot.success ? { start: slot.data.start, practitionerId: slot.data.practitioner ?? null, locationId: slot.data.location ?? null } : undefined}
      />
    </>
  );
}
