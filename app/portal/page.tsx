import type { Metadata } from "next";
import { requireRole } from "@/lib/auth";
import { getPortalPageData } from "@/lib/portal/views";
import { AppointmentTable } from "../_components/appointments";
import { formatDateTime, formatDay } from "@/lib/time";
import { Alert, ButtonLink, PageHeader } from "../_components/ui";
import { TodayPlan } from "./today-plan";

export const metadata: Metadata = { title: "My care" };

export default async function PortalPage() {
  const user = await requireRole("patient");
  const data = await getPortalPageData({ viewer: user });
  if (!data) {
    return (
      <>
        <PageHeader title={`Hello, ${user.name}`} />
        <Alert tone="info">Your account is not linked to a patient record yet. Please call the front desk.</Alert>
      </>
    );
  }
  const { plans, today, timeZone, upcoming, past, checkins, patientId, carePlans, proposals } = data;
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
      {proposals.map((a) => (
        <Alert key={a.id} tone="warning" title="The clinic proposes a new time" className="mb-6">
          <p className="mb-2">
            For your {a.serviceName} on {formatDateTime(a.startsAt, a.timeZone)}: {formatDateTime(a.proposedStartsAt!, a.timeZone)}.
          </p>
          <a href={a.managePath!} className="font-medium underline">
            Accept the new time or keep yours
          </a>
        </Alert>
      ))}
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
          plans.map((p) => (
            <div key={p.id} className="mb-6">
              <p className="mb-3 text-muted">
                {p.title} · from {p.authorName} · review on {formatDay(p.reviewDate)}
              </p>
              <TodayPlan patientKey={patientId} items={p.items} today={today} timeZone={timeZone} serverLogs={p.logs} itemExercise={p.itemExercise} planDays={p.planDays} serverCheckins={checkins} />
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
        {carePlans.map((p) => (
          <div key={p.seriesId} className="mb-6 rounded-xl border border-line bg-white p-4">
            <h3 className="text-lg font-semibold">
              Plan of care: {p.serviceName} with {p.practitionerName}
            </h3>
            <p className="mb-3 text-muted">
              {p.pattern} · {p.done} of {p.planned} visits done, {p.ahead} booked ahead. Change or cancel one visit below; to change the whole plan, please call the front desk.
            </p>
            <AppointmentTable caption={`Visits of your ${p.serviceName} plan`} items={p.visits} show={{ practitioner: false, manage: true }} empty="No visits booked ahead." />
          </div>
        ))}
        {upcoming.length || !carePlans.length ? (
          <AppointmentTable caption="Upcoming appointments" items={upcoming} show={{ practitioner: true, manage: true }} empty="No upcoming appointments." />
        ) : null}
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
