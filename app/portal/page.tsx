import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { requireRole } from "@/lib/auth";
import { listPatientAppointments } from "@/lib/appointments/queries";
import { getPatientPlans, getPlanHistory, listPatientLogs } from "@/lib/regimens/regimens";
import { mondayOf } from "@/lib/regimens/adherence";
import { addDaysIso, localDate } from "@/lib/time";
import { AppointmentTable } from "../_components/appointments";
import { Alert, ButtonLink, PageHeader } from "../_components/ui";
import { TodayPlan } from "./today-plan";

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
  const db = getDb();
  const today = localDate(new Date(), "America/New_York");
  const [{ upcoming, past }, plans, { logs, checkins }] = await Promise.all([
    listPatientAppointments(db, user.patientId),
    getPatientPlans(db, user.patientId),
    listPatientLogs(db, user.patientId, addDaysIso(today, -28)),
  ]);
  // The days the plan shows: the last two weeks and this week.
  const shownDays: string[] = [];
  for (let d = addDaysIso(today, -14); d < addDaysIso(mondayOf(today), 7); d = addDaysIso(d, 1)) shownDays.push(d);
  const histories = await Promise.all(plans.map((p) => getPlanHistory(db, p.caseId, shownDays)));
  return (
    <>
      <PageHeader
        title={`Hello, ${user.name}`}
        description="Your exercises for today and your appointments with the Backline team."
        actions={
          <>
            <ButtonLink href="/book">Book an appointment</ButtonLink>
            <ButtonLink href="/portal/access" variant="secondary">
              Who looked at my record
            </ButtonLink>
          </>
        }
      />
      <section aria-labelledby="plan" className="mb-10">
        <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="plan" className="text-xl font-semibold">
            Today&apos;s exercises
          </h2>
          {plans.length ? (
            <a href="/portal/plan/print" className="text-brand-700 underline">
              Print my plan
            </a>
          ) : null}
        </div>
        {plans.length ? (
          plans.map((p, n) => (
            <div key={p.id} className="mb-6">
              <p className="mb-3 text-muted">
                {p.title} · from {p.authorName} · review on {p.reviewDate}
              </p>
              <TodayPlan
                patientKey={user.patientId!}
                items={p.items}
                today={today}
                timeZone="America/New_York"
                // Every version's logs: what was done under an earlier version is still the patient's history.
                serverLogs={logs.filter((l) => l.regimenItemId in histories[n]!.itemExercise)}
                itemExercise={histories[n]!.itemExercise}
                planDays={histories[n]!.planDays}
                serverCheckins={checkins}
              />
            </div>
          ))
        ) : (
          <p className="rounded-lg border border-dashed border-line bg-white p-6 text-center text-muted">Your practitioner has not given you a home exercise plan yet.</p>
        )}
      </section>
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
