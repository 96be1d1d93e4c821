import Link from "next/link";
import { formatDateTime, localDate } from "@/lib/time";

/** Booked appointments inside time off or a closure: listed for the desk to move, never cancelled. */
export function AppointmentsInside({ inside }: { inside: Array<{ id: string; startsAt: Date; timeZone: string; serviceName: string; practitionerName: string; locationId: string }> }) {
  if (!inside.length) return <p className="text-sm text-muted">No booked appointments inside.</p>;
  return (
    <div className="mt-1 rounded-lg border-l-4 border-amber-600 bg-amber-50 p-3 text-sm">
      <p className="font-medium">
        {inside.length} booked appointment{inside.length === 1 ? "" : "s"} inside — still booked: move {inside.length === 1 ? "it" : "them"} from the desk.
      </p>
      <ul className="mt-1 list-disc pl-5">
        {inside.map((a) => (
          <li key={a.id}>
            {formatDateTime(a.startsAt, a.timeZone)} · {a.serviceName} with {a.practitionerName} ·{" "}
            <Link href={`/desk/calendar?view=day&date=${localDate(a.startsAt, a.timeZone)}&location=${a.locationId}`} className="text-brand-700 underline">
              open the day
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
