import type { Metadata } from "next";
import { headers } from "next/headers";
import { clientIp } from "@/lib/http/ip";
import { describeTimeZone, formatDateTime } from "@/lib/time";
import { getOfferPageData } from "@/lib/waitlist/views";
import { Alert, Card, PageHeader } from "../../_components/ui";
import { LeaveButton, OfferButtons } from "./offer-buttons";

export const metadata: Metadata = { title: "A time opened up", robots: { index: false, follow: false } };
export const dynamic = "force-dynamic";

const GONE: Record<string, string> = {
  accepted: "You already accepted this time: your booking is in your email and your portal.",
  declined: "You said no thanks to this time. You are still on the waitlist.",
  expired: "The hold on this time ran out and it went to the next person on the list. You are still on the waitlist: we will write again when another time opens up.",
  lost: "This time is no longer free. You are still on the waitlist.",
  withdrawn: "This offer was withdrawn by the clinic.",
};

/** Public, gated by the signed link in the offer email: accept the held time, or pass it on. */
export default async function OfferPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const { limited, offer } = await getOfferPageData({ token, ip: clientIp(await headers()) });
  if (limited) {
    return (
      <div className="mx-auto max-w-xl">
        <PageHeader title="Please wait a minute" />
        <p>This link was opened too many times from your connection. Try again in a minute.</p>
      </div>
    );
  }
  if (!offer) {
    return (
      <div className="mx-auto max-w-xl">
        <PageHeader title="This link no longer works" />
        <p>Please check the link in your email, or call the clinic.</p>
      </div>
    );
  }
  const { open } = offer;
  const expired = offer.status === "offered" && !open;
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6">
      <PageHeader title={open ? "A time opened up for you" : "This offer is closed"} />
      {open ? (
        <p>
          We are holding this time for you until <strong>{formatDateTime(offer.expiresAt, offer.timeZone)}</strong>. Accept it to book it; after that it goes to the next person on the waitlist.
        </p>
      ) : (
        <Alert tone="info" role="status">
          {expired ? GONE.expired : (GONE[offer.status] ?? GONE.lost)}
        </Alert>
      )}
      <Card>
        <h2 className="mb-3 text-lg font-semibold">{offer.serviceName}</h2>
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[auto_1fr]">
          <dt className="font-medium">With</dt>
          <dd>{offer.practitionerName}</dd>
          <dt className="font-medium">When</dt>
          <dd>
            {formatDateTime(offer.startsAt, offer.timeZone)} <span className="text-muted">({describeTimeZone(offer.timeZone, offer.startsAt)})</span>
          </dd>
          <dt className="font-medium">Where</dt>
          <dd className="break-words">
            {offer.locationName}, {offer.locationAddress}
          </dd>
        </dl>
      </Card>
      {open ? <OfferButtons token={token} /> : null}
      {offer.stillWaiting ? <LeaveButton token={token} /> : null}
    </div>
  );
}
