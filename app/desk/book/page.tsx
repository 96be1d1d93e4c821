import type { Metadata } from "next";
import { requireRole } from "@/lib/auth";
import { getBookingPageData } from "@/lib/booking/views";
import { BookingFlow } from "../../book/booking-flow";
import { PageHeader } from "../../_components/ui";
import { DeskNav } from "../desk-nav";

export const metadata: Metadata = { title: "Book for a patient" };

/** The front desk books for a patient on the phone: same engine, checks and intake as online. */
export default async function DeskBookPage() {
  await requireRole("staff", "admin");
  const data = await getBookingPageData({ viewer: null });
  return (
    <>
      <PageHeader title="Book for a patient" description="Ask the patient each question as written, including the safety questions." />
      <DeskNav current="/desk/book" />
      <BookingFlow mode="desk" services={data.services} practitioners={data.practitioners} locations={data.locations} emergencyNumber={data.emergencyNumber} initialService="" contact={null} />
    </>
  );
}
