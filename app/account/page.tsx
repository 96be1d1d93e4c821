import type { Metadata } from "next";
import { requireUser } from "@/lib/auth";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { getAccountPageData } from "@/lib/accounts/views";
import { revokeFeedAction } from "@/lib/calendar/actions";
import { formatDateTime } from "@/lib/time";
import { ActionForm } from "../_components/action-form";
import { Badge, Card, PageHeader } from "../_components/ui";
import { FeedCreateForm } from "./feed-create-form";
import { ChangePasswordForm } from "./change-password-form";
import { SignOutEverywhere } from "./sign-out-everywhere";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  const user = await requireUser();
  const { feeds, timeZone, can } = await getAccountPageData({ viewer: user });
  return (
    <>
      <PageHeader title="Your account" description={`${user.name} · ${user.email} · ${ROLE_LABELS[user.role]}`} />
      <Card className="max-w-xl">
        <h2 className="mb-1 text-lg font-semibold">Change password</h2>
        <p className="mb-4 text-muted">Changing it signs you out everywhere, this browser included.</p>
        <ChangePasswordForm />
      </Card>
      <Card className="mt-6 max-w-xl">
        <h2 className="mb-1 text-lg font-semibold">Signed in elsewhere?</h2>
        <p className="mb-4 text-muted">Signing out here ends this browser&apos;s session. If you used a shared computer or lost a phone, end every session of your account at once.</p>
        <SignOutEverywhere />
      </Card>
      {can.manageFeeds ? (
        <Card className="mt-6 max-w-xl">
          <h2 id="feeds" className="mb-1 text-lg font-semibold">
            Calendar feeds
          </h2>
          <p className="mb-4 text-muted">
            Subscribe to your schedule from a calendar app (patients appear by initials only). Make one feed per device or app, so that a lost phone&apos;s feed can be revoked without touching the
            others.
          </p>
          {feeds.length ? (
            <ul className="mb-4 flex flex-col gap-2" aria-label="Your calendar feeds">
              {feeds.map((f) => (
                <li key={f.id} className="flex flex-wrap items-center justify-between gap-2 rounded-lg border border-line p-3">
                  <span>
                    <strong>{f.label}</strong>{" "}
                    <span className="text-sm text-muted">
                      created {formatDateTime(f.createdAt, timeZone)} · {f.lastUsedAt ? `last read ${formatDateTime(f.lastUsedAt, timeZone)}` : "not read yet"}
                    </span>{" "}
                    {f.revokedAt ? <Badge tone="neutral">Revoked</Badge> : null}
                  </span>
                  {!f.revokedAt ? (
                    <ActionForm action={revokeFeedAction} submitLabel={`Revoke “${f.label}”`} variant="danger" inline>
                      <input type="hidden" name="feedId" value={f.id} />
                    </ActionForm>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : null}
          <FeedCreateForm />
        </Card>
      ) : null}
    </>
  );
}
