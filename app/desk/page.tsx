import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { requireRole } from "@/lib/auth";
import { listUpcomingForDesk } from "@/lib/appointments/queries";
import { AppointmentTable } from "../_components/appointments";
import { PRIORITY_RANK } from "@/lib/triage/red-flags";
import { PageHeader } from "../_components/ui";

export const metadata: Metadata = { title: "Front desk" };

export default async function DeskPage() {
  await requireRole("staff", "admin");
  const upcoming = await listUpcomingForDesk(getDb());
  // Most urgent first, then the longest waiting (issue #4 brings the full triage queue).
  const requests = upcoming
    .filter((a) => a.status === "requested")
    .sort((a, b) => PRIORITY_RANK[a.priority ?? "routine"] - PRIORITY_RANK[b.priority ?? "routine"] || a.startsAt.getTime() - b.startsAt.getTime());
  return (
    <>
      <PageHeader title="Front desk" description="Requests waiting for a decision, and what is booked next." />
      <section aria-labelledby="requests" className="mb-8">
        <h2 id="requests" className="mb-3 text-xl font-semibold">
          Requests to review ({requests.length})
        </h2>
        <AppointmentTable caption="Requests to review" items={requests} show={{ patient: true, practitioner: true, priority: true }} empty="No requests waiting." />
      </section>
      <section aria-labelledby="booked">
        <h2 id="booked" className="mb-3 text-xl font-semibold">
          Upcoming appointments
        </h2>
        <AppointmentTable
          caption="Upcoming appointments"
          items={upcoming.filter((a) => a.status !== "requested")}
          show={{ patient: true, practitioner: true }}
          empty="Nothing booked yet."
        />
      </section>
    </>
  );
}
