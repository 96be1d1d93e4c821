export const APPOINTMENT_STATUSES = ["requested", "confirmed", "cancelled", "completed", "no_show"] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

/**
 * Statuses that hold the practitioner's time. Must match the WHERE clause of the exclusion constraint
 * appointments_no_overlap (db/migrations): cancelled and no-show appointments free their time.
 */
export const ACTIVE_APPOINTMENT_STATUSES = ["requested", "confirmed", "completed"] as const satisfies readonly AppointmentStatus[];

export const APPOINTMENT_STATUS_LABELS: Record<AppointmentStatus, string> = {
  requested: "Requested",
  confirmed: "Confirmed",
  cancelled: "Cancelled",
  completed: "Completed",
  no_show: "No-show",
};
