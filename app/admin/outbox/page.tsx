import type { Metadata } from "next";
import { requireRole } from "@/lib/auth";
import { smtpConfigured } from "@/lib/notifications/outbox";
import { getOutboxPageData } from "@/lib/admin/views";
import { formatDateTime } from "@/lib/time";
import { Alert, Badge, EmptyState, PageHeader } from "../../_components/ui";
import { AdminNav } from "../admin-nav";

export const metadata: Metadata = { title: "Outbox" };

const TONE = { pending: "warning", sent: "success", failed: "danger", held: "info" } as const;

export default async function OutboxPage() {
  const user = await requireRole("admin");
  const { emails, timeZone } = await getOutboxPageData({ viewer: user });
  return (
    <>
      <PageHeader title="Outbox" description="Every email Backline sends, newest first." />
      <AdminNav current="/admin/outbox" />
      {!smtpConfigured() ? (
        <Alert tone="info" className="mb-4">
          No SMTP server is configured (SMTP_URL), so emails are held here instead of being sent.
        </Alert>
      ) : null}
      {!emails.length ? <EmptyState>No emails yet.</EmptyState> : null}
      <ul className="flex flex-col gap-3">
        {emails.map((e) => (
          <li key={e.id} className="rounded-xl border border-line bg-white p-4">
            <details>
              <summary className="flex cursor-pointer flex-wrap items-center gap-3">
                <Badge tone={TONE[e.status]}>{e.status}</Badge>
                <span className="font-medium">{e.subject}</span>
                <span className="text-sm text-muted">
                  to {e.toAddress} · {formatDateTime(e.createdAt, timeZone)}
                </span>
              </summary>
              <pre className="mt-3 whitespace-pre-wrap break-words rounded bg-slate-50 p-3 text-sm">{e.textBody}</pre>
              {e.lastError ? <p className="mt-2 text-sm text-red-700">Last error: {e.lastError}</p> : null}
            </details>
          </li>
        ))}
      </ul>
    </>
  );
}
