import type { Metadata } from "next";
import Link from "next/link";
import { requireRole } from "@/lib/auth";
import { AuditFiltersSchema } from "@/lib/audit/queries";
import { getAuditPageData } from "@/lib/admin/views";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { auditActionLabel } from "@/lib/audit/actions";
import { formatInZone } from "@/lib/time";
import { EmptyState, PageHeader, Table, inputClass } from "../../_components/ui";
import { AdminNav } from "../admin-nav";

export const metadata: Metadata = { title: "Audit trail" };

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireRole("admin");
  const raw = await searchParams;
  const filters = AuditFiltersSchema.parse(Object.fromEntries(Object.entries(raw).filter(([, v]) => typeof v === "string")));
  const { rows, nextBefore, timeZone } = await getAuditPageData({ viewer: user, filters });
  const params = (over: Record<string, string | undefined>) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...filters, ...over })) if (v) q.set(k, v);
    return `/admin/audit?${q}`;
  };
  return (
    <>
      <PageHeader title="Audit trail" description="Every read and change of patient data. Append-only: nobody can edit or delete it." />
      <AdminNav current="/admin/audit" />
      <form method="get" className="mb-4 grid gap-3 rounded-xl border border-line bg-white p-4 sm:grid-cols-3 lg:grid-cols-6" aria-label="Filter the audit trail">
        {(
          [
            ["actor", "Who (email)"],
            ["action", "Action starts with"],
            ["patient", "Patient name"],
          ] as const
        ).map(([name, label]) => (
          <label key={name} className="flex flex-col gap-1 text-sm">
            {label}
            <input name={name} defaultValue={filters[name] ?? ""} className={inputClass} />
          </label>
        ))}
        <label className="flex flex-col gap-1 text-sm">
          From
          <input type="date" name="from" defaultValue={filters.from ?? ""} className={inputClass} />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          To
          <input type="date" name="to" defaultValue={filters.to ?? ""} className={inputClass} />
        </label>
        <div className="flex items-end">
          <button type="submit" className="min-h-11 w-full rounded-lg bg-brand-600 px-4 text-white">
            Filter
          </button>
        </div>
      </form>
      {rows.length ? (
        <Table caption="Audit events">
          <thead>
            <tr>
              <th scope="col">When (New York)</th>
              <th scope="col">Who</th>
              <th scope="col">Action</th>
              <th scope="col">Patient</th>
              <th scope="col">Case</th>
              <th scope="col">Request / IP</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((e) => (
              <tr key={e.id}>
                <td className="whitespace-nowrap">{formatInZone(e.at, timeZone, "yyyy-MM-dd HH:mm:ss")}</td>
                <td>
                  {e.actorName ?? "Public"} {e.actorRole ? <span className="text-muted">({ROLE_LABELS[e.actorRole]})</span> : null}
                </td>
                <td>
                  {auditActionLabel(e.action)} <code className="text-xs text-muted">{e.action}</code>
                </td>
                <td>{e.patientName ?? "—"}</td>
                <td>
                  {e.caseId ? (
                    <Link href={`/cases/${e.caseId}`} className="text-brand-700 underline">
                      open
                    </Link>
                  ) : (
                    "—"
                  )}
                </td>
                <td className="text-xs text-muted">
                  {e.requestId?.slice(0, 8) ?? "—"} / {e.ip ?? "—"}
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : (
        <EmptyState>No events match.</EmptyState>
      )}
      {nextBefore ? (
        <p className="mt-4">
          <Link href={params({ before: nextBefore })} className="text-brand-700 underline">
            Older events
          </Link>
        </p>
      ) : null}
    </>
  );
}
