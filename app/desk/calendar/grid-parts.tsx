import type { AppointmentStatus } from "@/lib/appointments/status";
import type { GridAppointment } from "@/lib/desk/grid";
import { PRIORITY_LABELS } from "@/lib/triage/red-flags";

/** Appointment blocks coloured by status (text dark on light: readable, and never colour alone — the status is written too). */
export const BLOCK_TONE: Record<AppointmentStatus, string> = {
  requested: "border-amber-500 bg-amber-50 text-amber-950",
  confirmed: "border-brand-600 bg-brand-50 text-brand-800",
  completed: "border-slate-400 bg-slate-100 text-slate-800",
  no_show: "border-red-600 bg-red-50 text-red-900",
  cancelled: "border-slate-300 bg-white text-slate-700",
};

/** The marks the desk acts on: emergency or urgent triage, an uncleared red flag on hands-on care, arrival. */
export function marksOf(a: GridAppointment): string[] {
  const marks: string[] = [];
  if (a.priority && a.priority !== "routine") marks.push(a.priority === "emergency" ? "⚠ Emergency" : `Triage: ${PRIORITY_LABELS[a.priority]}`);
  if (a.unclearedFlags) marks.push(a.isHandsOn ? "⚑ Red flag (hands-on held)" : "⚑ Red flag");
  if (a.arrived) marks.push("Arrived");
  return marks;
}

/** Booking at a free time: first choose the patient (search, or a new one), then the usual intake. */
export function bookHref(slot: { practitionerId: string | null; start: string; locationId: string }): string {
  const params = new URLSearchParams({ start: slot.start, location: slot.locationId });
  if (slot.practitionerId) params.set("practitioner", slot.practitionerId);
  return `/desk/patients?${params}`;
}

export function GridLegend() {
  return (
    <ul className="mb-3 flex flex-wrap gap-2 text-xs" aria-label="Legend">
      <li className="rounded border-l-4 border-amber-500 bg-amber-50 px-2 py-1 text-amber-950">Request</li>
      <li className="rounded border-l-4 border-brand-600 bg-brand-50 px-2 py-1 text-brand-800">Confirmed</li>
      <li className="rounded border-l-4 border-slate-400 bg-slate-100 px-2 py-1 text-slate-800">Completed</li>
      <li className="rounded border-l-4 border-red-600 bg-red-50 px-2 py-1 text-red-900">No-show</li>
      <li className="rounded border border-line bg-white px-2 py-1 text-ink">Free (select to book)</li>
      <li className="rounded bg-slate-100 px-2 py-1 text-slate-800">Not working</li>
      <li className="rounded bg-slate-200 px-2 py-1 text-slate-900">Break</li>
      <li className="rounded bg-amber-100 px-2 py-1 text-amber-950">Time off</li>
      <li className="rounded bg-red-50 px-2 py-1 text-red-900">Closed</li>
    </ul>
  );
}
