import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { requireRole } from "@/lib/auth";
import { listPatientAppointments } from "@/lib/appointments/queries";
import { AppointmentTable } from "../_components/appointments";
import { Alert, ButtonLink, PageHeader } from "../_components/ui";

export const metadata: Metadata = { title: "My care" };

export default async function PortalPage() {
  const user = await requireRole("patient");
  if (!user.patientId) {
    return (
      <>
        <PageHeader title={`Hello, ${user.name}`} />
        <Alert tone="info">Your account is not linked to a patient record yet. Please call the front desk.</Alert>
      </>
    );
  }
  const { upcoming, past } = await listPatientAppointments(getDb(), user.patientId);
  return (
    <>
      <PageHeader
        title={`Hello, ${user.name}`}
        description="Your appointments with the Backline team."
        actions={
          <>
            <ButtonLink href="/book">Book an appointment</ButtonLink>
            <ButtonLink href="/portal/access" variant="secondary">
              Who looked at my record
            </ButtonLink>
          </>
        }
      />
      <section aria-labelledby="upcoming" className="mb-8">
        <h2 id="upcoming" className="mb-3 text-xl font-semibold">
          Coming up
        </h2>
        <AppointmentTable caption="Upcoming appointments" items={upcoming} show={{ practitioner: true }} empty="No upcoming appointments." />
      </section>
      <section aria-labelledby="past">
        <h2 id="past" className="mb-3 text-xl font-semibold">
          Past visits
        </h2>
        <AppointmentTable caption="Past appointments" items={past} show={{ practitioner: true }} empty="No past visits yet." />
      </section>
    </>
  );
}
