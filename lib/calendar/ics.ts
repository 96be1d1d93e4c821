import ical, { ICalCalendarMethod, ICalEventStatus } from "ical-generator";

/**
 * RFC 5545 calendar files, built with ical-generator: a stable UID per appointment (so a re-download
 * updates the same event), DTSTART/DTEND in UTC, SUMMARY, LOCATION.
 */

export interface CalendarAppointment {
  id: string;
  startsAt: Date;
  endsAt: Date;
  status: string;
  summary: string;
  location: string;
  description?: string;
  url?: string;
  updatedAt?: Date;
}

const PROD_ID = { company: "Backline", product: "Backline clinic", language: "EN" };
export const uidOf = (appointmentId: string) => `appointment-${appointmentId}@backline`;

function addEvent(cal: ReturnType<typeof ical>, a: CalendarAppointment) {
  cal.createEvent({
    id: uidOf(a.id),
    start: a.startsAt,
    end: a.endsAt,
    summary: a.summary,
    location: a.location,
    description: a.description,
    url: a.url,
    stamp: a.updatedAt ?? new Date(),
    status: a.status === "cancelled" ? ICalEventStatus.CANCELLED : a.status === "confirmed" ? ICalEventStatus.CONFIRMED : ICalEventStatus.TENTATIVE,
  });
}

/** One appointment, for the patient's "Add to calendar". */
export function appointmentIcs(a: CalendarAppointment): string {
  const cal = ical({ prodId: PROD_ID, method: ICalCalendarMethod.PUBLISH, name: "Backline appointment" });
  addEvent(cal, a);
  return cal.toString();
}

/** A practitioner's private subscription feed. */
export function scheduleIcs(name: string, appointments: readonly CalendarAppointment[]): string {
  const cal = ical({ prodId: PROD_ID, name, ttl: 15 * 60 });
  for (const a of appointments) addEvent(cal, a);
  return cal.toString();
}
