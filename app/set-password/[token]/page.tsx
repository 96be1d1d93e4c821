import type { Metadata } from "next";
import Link from "next/link";
import { getSetPasswordPageData } from "@/lib/accounts/views";
import { Card } from "../../_components/ui";
import { SetPasswordForm } from "./set-password-form";

export const metadata: Metadata = { title: "Choose a password", robots: { index: false } };

const COPY = {
  portal_setup: { title: "Set up your patient portal", intro: "Choose a password. You will then see your appointments and your home exercise plan." },
  staff_invite: { title: "Welcome to Backline", intro: "Choose a password to set up your account." },
  password_reset: { title: "Choose a new password", intro: "When you save it, you are signed out on every other device." },
} as const;

/** Opened from an emailed link. Showing the page does not use the link up; saving the password does. */
export default async function SetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = await getSetPasswordPageData(token);
  return (
    <div className="mx-auto max-w-md">
      <Card className="p-6 sm:p-8">
        {link ? (
          <>
            <h1 className="mb-1 text-2xl font-semibold">{COPY[link.purpose].title}</h1>
            <p className="mb-2 text-muted">
              {link.name ? `${link.name}, ` : ""}
              {link.roleLabel ? `you are invited as ${link.roleLabel}. ` : ""}
              {COPY[link.purpose].intro}
            </p>
            <SetPasswordForm token={token} email={link.email} />
          </>
        ) : (
          <>
            <h1 className="mb-2 text-2xl font-semibold">This link no longer works</h1>
            <p className="mb-4 text-muted">It has expired, was already used, or was replaced by a newer email. Links work once, for a limited time.</p>
            <p>
              <Link href="/login/forgot" className="text-brand-700 underline">
                Ask for a new link to choose your password
              </Link>
              , or ask the clinic for a new invitation.
            </p>
          </>
        )}
      </Card>
    </div>
  );
}
