import type { Metadata } from "next";
import { requireUser } from "@/lib/auth";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { Card, PageHeader } from "../_components/ui";
import { ChangePasswordForm } from "./change-password-form";
import { SignOutEverywhere } from "./sign-out-everywhere";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  const user = await requireUser();
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
        <p className="mb-4 text-muted">
          Signing out here ends this browser&apos;s session. If you used a shared computer or lost a phone, end every session of
          your account at once.
        </p>
        <SignOutEverywhere />
      </Card>
    </>
  );
}
