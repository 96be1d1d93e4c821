import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { requireRole } from "@/lib/auth";
import { getPatientSearchPageData } from "@/lib/desk/views";
import { EmptyState, PageHeader, Table, inputClass } from "../../_components/ui";
import { DeskNav } from "../desk-nav";

export const metadata: Metadata = { title: "Patients" };

const SlotQuery = z.object({ start: z.iso.datetime({ offset: true }), practitioner: z.uuid().optional(), location: z.uuid().optional() });

export default async function PatientsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireRole("staff", "admin");
  const raw = await searchParams;
  const q = typeof raw.q === "string" ? raw.q.slice(0, 100) : "";
  // From the calendar: a free time to book, carried through the search to booking.
  const slot = SlotQuery.safeParse(raw);
  const { results, booking } = await getPatientSearchPageData({
    viewer: user,
    q,
    slot: slot.success ? { start: slot.data.start, practitionerId: slot.data.practitioner, locationId: slot.data.location } : undefined,
  });
  return (
    <>
      <PageHeader title="Patients" description="Find a patient by name, email or date of birth (YYYY-MM-DD)." />
      <DeskNav current="/desk/patients" />
      {booking ? (
        <div role="status" className="mb-4 flex flex-wrap items-center justify-between gap-3 rounded-xl border border-brand-600 bg-brand-50 p-4">
          <p>
            Booking <strong>{booking.label}</strong>: find the patient below, or
          </p>
          <Link href={`/desk/book?${booking.query}`} className="inline-flex min-h-11 items-center rounded-lg border border-line bg-white px-4 font-medium text-brand-800">
            Book for a new patient
          </Link>
        </div>
      ) : null}
      <form method="get" className="mb-4 flex flex-wrap items-end gap-2" role="search">
        {booking ? [...new URLSearchParams(booking.query)].map(([k, v]) => <input key={k} type="hidden" name={k} value={v} />) : null}
        <label className="flex flex-col gap-1">
          Name, email or date of birth
          <input name="q" defaultValue={q} className={inputClass} />
        </label>
        <button type="submit" className="min-h-11 rounded-lg bg-brand-600 px-4 text-white">
          Search
        </button>
      </form>
      {q ? (
        results.length ? (
          <Table caption="Matching patients">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Phone</th>
                <th scope="col">Born</th>
                {booking ? <th scope="col">Book</th> : null}
              </tr>
            </thead>
            <tbody>
              {results.map((p) => (
                <tr key={p.id}>
                  <td>
                    <Link href={`/desk/patients/${p.id}`} className="font-medium text-brand-700 underline">
                      {p.fullName}
                    </Link>
                  </td>
                  <td>{p.email}</td>
                  <td>{p.phone}</td>
                  <td>{p.dateOfBirth}</td>
                  {booking ? (
                    <td>
                      <Link href={`/desk/book?patient=${p.id}&${booking.query}`} className="font-medium text-brand-700 underline" aria-label={`Book ${p.fullName} at ${booking.label}`}>
                        Book here
                      </Link>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </Table>
        ) : (
          <EmptyState>No patient matches “{q}”.</EmptyState>
        )
      ) : null}
    </>
  );
}
