import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { requireRole } from "@/lib/auth";
import { listPractitionerSchedule, listUpcomingForDesk } from "@/lib/appointments/queries";
import { DISCIPLINE_LABELS } from "@/lib/clinic/disciplines";
import { AppointmentTable } from "../_components/appointments";
import { PageHeader } from "../_components/ui";

export const metadata: Metadata = { title: "Cases" };

export default async function CasesPage() {
  const user = await requireRole("practitioner", "admin");
  const db = getDb();
  const schedule = user.practitionerId ? await listPractitionerSchedule(db, user.practitionerId) : await listUpcomingForDesk(db);
  return (
    <>
      <PageHeader
        title="Cases"
        description={user.discipline ? `${user.name} · ${DISCIPLINE_LABELS[user.discipline]}` : "All practitioners"}
      />
      <section aria-labelledby="schedule">
        <h2 id="schedule" className="mb-3 text-xl font-semibold">
          {user.practitionerId ? "My upcoming appointments" : "Upcoming appointments"}
        </h2>
        <AppointmentTable
          caption="Upcoming appointments"
          items={schedule}
          show={{ patient: true, practitioner: !user.practitionerId }}
          empty="Nothing scheduled."
        />
      </section>
    </>
  );
}
