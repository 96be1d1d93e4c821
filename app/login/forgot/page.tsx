import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "../../_components/ui";
import { ForgotPasswordForm } from "./forgot-form";

export const metadata: Metadata = { title: "Forgot your password?" };

export default function ForgotPasswordPage() {
  return (
    <div className="mx-auto max-w-md">
      <Card className="p-6 sm:p-8">
        <h1 className="mb-1 text-2xl font-semibold">Forgot your password?</h1>
        <p className="mb-6 text-muted">Enter the email address you sign in with. We will email you a link to choose a new password.</p>
        <ForgotPasswordForm />
        <p className="mt-6 text-sm">
          <Link href="/login" className="text-brand-700 underline">
            Back to sign in
          </Link>
        </p>
      </Card>
    </div>
  );
}
