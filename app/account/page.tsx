import type { Metadata } from "next";
import { requireUser } from "@/lib/auth";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { Card, PageHeader } from "../_components/ui";
import { ChangePasswordForm } from "./change-password-form";

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
    </>
  );
}
