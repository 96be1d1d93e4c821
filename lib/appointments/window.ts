/**
 * The time an appointment holds in the practitioner's calendar: the visit itself plus the service's
 * buffers (room turnover) before and after. Stored on the appointment so a later change to the
 * service's buffers never moves existing bookings.
 */
export interface ServiceTiming {
  durationMinutes: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
}

export interface AppointmentWindow {
  startsAt: Date;
  endsAt: Date;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  blockedFrom: Date;
  blockedUntil: Date;
}

const MINUTE = 60_000;

export function appointmentWindow(service: ServiceTiming, startsAt: Date): AppointmentWindow {
  const endsAt = new Date(startsAt.getTime() + service.durationMinutes * MINUTE);
  return {
    startsAt,
    endsAt,
    bufferBeforeMinutes: service.bufferBeforeMinutes,
    bufferAfterMinutes: service.bufferAfterMinutes,
    blockedFrom: new Date(startsAt.getTime() - service.bufferBeforeMinutes * MINUTE),
    blockedUntil: new Date(endsAt.getTime() + service.bufferAfterMinutes * MINUTE),
  };
}
