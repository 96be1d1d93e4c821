import type { Metadata } from "next";
import { requireRole } from "@/lib/auth";
import { describeAction } from "@/lib/audit/queries";
import { getPortalAccessData } from "@/lib/portal/views";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { formatDateTime } from "@/lib/time";
import { EmptyState, PageHeader, Table } from "../../_components/ui";

export const metadata: Metadata = { title: "Who looked at my record" };

export default async function AccessLogPage() {
  const user = await requireRole("patient");
  const { events, timeZone } = await getPortalAccessData({ viewer: user });
  return (
    <>
      <PageHeader title="Who looked at your record" description="Every time someone at the clinic opened or changed your record." />
      {events.length ? (
        <Table caption="Access to your record">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
            </tr>
          </thead>
          <tbody>
            {events.map((e) => (
              <tr key={e.id}>
                <td className="whitespace-nowrap">{formatDateTime(e.at, timeZone)}</td>
                <td>
                  {e.actorName ?? "You (online)"} {e.actorRole ? <span className="text-muted">({ROLE_LABELS[e.actorRole]})</span> : null}
                </td>
                <td>{describeAction(e.action)}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : (
        <EmptyState>Nobody at the clinic has opened your record yet.</EmptyState>
      )}
    </>
  );
}
