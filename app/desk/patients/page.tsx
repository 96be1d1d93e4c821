import type { Metadata } from "next";
import Link from "next/link";
import { requireRole } from "@/lib/auth";
import { getPatientSearchPageData } from "@/lib/desk/views";
import { EmptyState, PageHeader, Table, inputClass } from "../../_components/ui";
import { DeskNav } from "../desk-nav";

export const metadata: Metadata = { title: "Patients" };

export default async function PatientsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireRole("staff", "admin");
  const raw = await searchParams;
  const q = typeof raw.q === "string" ? raw.q.slice(0, 100) : "";
  const { results } = await getPatientSearchPageData({ viewer: user, q });
  return (
    <>
      <PageHeader title="Patients" description="Find a patient by name, email or date of birth (YYYY-MM-DD)." />
      <DeskNav current="/desk/patients" />
      <form method="get" className="mb-4 flex flex-wrap items-end gap-2" role="search">
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
