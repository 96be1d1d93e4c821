import type { Metadata } from "next";
import { getHomePageData } from "@/lib/clinic/views";
import { DISCIPLINE_LABELS, SERVICE_GROUP_LABELS, serviceGroupOf, type ServiceGroup } from "@/lib/clinic/disciplines";
import { Badge, ButtonLink, Card } from "./_components/ui";

export const metadata: Metadata = { title: "Spine & massage care" };
export const dynamic = "force-dynamic";

/** Public: what the clinic offers and who works here, straight from the database. */
export default async function HomePage() {
  const { services, practitioners } = await getHomePageData();
  const groups: ServiceGroup[] = ["spine_center", "massage"];
  const serviceName = new Map(services.map((s) => [s.slug, s.name]));

  return (
    <div className="flex flex-col gap-10">
      <section aria-labelledby="hero" data-testid="hero" className="rounded-2xl bg-brand-700 px-6 py-10 text-white sm:px-10">
        <h1 id="hero" className="max-w-2xl text-3xl font-semibold tracking-tight sm:text-4xl">
          Care for your lower back, from one team.
        </h1>
        <p className="mt-3 max-w-2xl text-lg text-brand-100">
          Spine physicians, chiropractors, physical therapists and massage therapists who share your case — and a home exercise plan you can follow on your phone.
        </p>
        <p className="mt-6">
          <ButtonLink href="/book" variant="inverse">
            Book an appointment
          </ButtonLink>
        </p>
      </section>

      {groups.map((group) => {
        const inGroup = services.filter((s) => serviceGroupOf(s.discipline) === group);
        if (!inGroup.length) return null;
        return (
          <section key={group} aria-labelledby={`group-${group}`}>
            <h2 id={`group-${group}`} className="mb-4 text-2xl font-semibold">
              {SERVICE_GROUP_LABELS[group]}
            </h2>
            <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
              {inGroup.map((s) => (
                <li key={s.id}>
                  <Card className="h-full">
                    <h3 className="text-lg font-semibold">{s.name}</h3>
                    <p className="mt-1 text-sm text-muted">
                      {s.durationMinutes} minutes · {DISCIPLINE_LABELS[s.discipline]}
                    </p>
                    <p className="mt-2">{s.description}</p>
                    {s.needsReview ? (
                      <p className="mt-3">
                        <Badge tone="info">A clinician reviews each request</Badge>
                      </p>
                    ) : null}
                    <p className="mt-4">
                      <ButtonLink href={`/book?service=${s.slug}`} variant="secondary">
                        Book<span className="sr-only"> {s.name}</span>
                      </ButtonLink>
                    </p>
                  </Card>
                </li>
              ))}
            </ul>
          </section>
        );
      })}

      <section aria-labelledby="team">
        <h2 id="team" className="mb-4 text-2xl font-semibold">
          Our team
        </h2>
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          {practitioners.map((p) => (
            <li key={p.id}>
              <Card className="h-full">
                <h3 className="font-semibold">{p.displayName}</h3>
                <p className="text-sm text-muted">
                  {DISCIPLINE_LABELS[p.discipline]}
                  {p.credentials ? ` · ${p.credentials}` : ""}
                </p>
                {p.bio ? <p className="mt-2 text-sm">{p.bio}</p> : null}
                {p.services.length ? <p className="mt-2 text-sm text-muted">Offers: {p.services.map((slug) => serviceName.get(slug) ?? slug).join(", ")}</p> : null}
              </Card>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
