import type { Metadata } from "next";
import { pendingRequestOfLink } from "@/lib/verification/queries";
import { PageHeader } from "../../_components/ui";
import { ConfirmEmailButton } from "./confirm-email-button";

export const metadata: Metadata = { title: "Confirm your request", robots: { index: false, follow: false } };
export const dynamic = "force-dynamic";

/**
 * The link in the verification email. Opening it changes nothing (mail scanners open links); the button
 * confirms that the owner of the address sent the request.
 */
export default async function VerifyPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  if (!(await pendingRequestOfLink(token))) {
    return (
      <div className="mx-auto max-w-xl">
        <PageHeader title="This link no longer works" />
        <p>The request was already confirmed, or it expired. If you need help, please call the clinic.</p>
      </div>
    );
  }
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-4">
      <PageHeader title="Confirm your request" />
      <p>Press the button to confirm that you asked for this appointment. We then send your request to the clinic.</p>
      <ConfirmEmailButton token={token} />
    </div>
  );
}
