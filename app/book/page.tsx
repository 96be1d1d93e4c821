import type { Metadata } from "next";
import { getCurrentUser } from "@/lib/auth";
import { getBookingPageData } from "@/lib/booking/views";
import { PageHeader } from "../_components/ui";
import { BookingFlow } from "./booking-flow";

export const metadata: Metadata = { title: "Book an appointment" };
export const dynamic = "force-dynamic";

/** Public: the patient's booking flow. A signed-in patient finds their details filled in. */
export default async function BookPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const data = await getBookingPageData({ viewer: await getCurrentUser() });
  const initialService = typeof params.service === "string" && data.services.some((s) => s.slug === params.service) ? params.service : "";
  return (
    <>
      <PageHeader title="Book an appointment" description="A few short steps. Nothing is booked until you send the request on the last step." />
      <BookingFlow
        services={data.services}
        practitioners={data.practitioners}
        locations={data.locations}
        emergencyNumber={data.emergencyNumber}
        initialService={initialService}
        contact={data.contact}
      />
    </>
  );
}
