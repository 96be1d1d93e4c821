import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { requireRole } from "@/lib/auth";
import { listPractitionerSchedule, listUpcomingForDesk } from "@/lib/appointments/queries";
import { DISCIPLINE_LABELS } from "@/lib/clinic/disciplines";
import { AppointmentTable } from "../_components/appointments";
import { headers } from "next/headers";
import { feedPath } from "@/lib/calendar/feed";
import { appBaseUrl } from "@/lib/http/base-url";
import { Card, PageHeader } from "../_components/ui";

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
      {user.practitionerId ? (
        <Card className="mb-6">
          <h2 className="mb-1 font-semibold">Your calendar subscription</h2>
          <p className="mb-2 text-sm text-muted">
            Private link: add it to your calendar app to see your appointments (service and patient initials only). Do not share it.
          </p>
          <code className="block overflow-x-auto rounded bg-slate-100 p-2 text-sm">{`${appBaseUrl(await headers())}${feedPath(user.practitionerId)}`}</code>
        </Card>
      ) : null}
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
