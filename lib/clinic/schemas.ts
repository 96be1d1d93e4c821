import { z } from "zod";
import { ROOM_KINDS } from "@/lib/rooms/kinds";
import { DISCIPLINES } from "./disciplines";

/** "HH:mm" on a 24-hour clock. */
export const TimeOfDaySchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Use a time like 09:00 or 17:30");

export const toMinutes = (hhmm: string): number => {
  const [h, m] = hhmm.split(":").map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

export const BreakIntervalSchema = z
  .object({ start: TimeOfDaySchema, end: TimeOfDaySchema })
  .refine((b) => toMinutes(b.start) < toMinutes(b.end), { message: "A break must end after it starts", path: ["end"] });
export type BreakInterval = z.infer<typeof BreakIntervalSchema>;

export const IsoDateSchema = z.iso.date({ message: "Use a date like 2026-03-01" });

export const WorkingDaySchema = z
  .object({
    weekday: z.number().int().min(1).max(7),
    isWorking: z.boolean(),
    start: TimeOfDaySchema,
    end: TimeOfDaySchema,
    breaks: z.array(BreakIntervalSchema).max(4, "At most four breaks a day"),
  })
  .superRefine((d, ctx) => {
    if (!d.isWorking) return;
    const start = toMinutes(d.start);
    const end = toMinutes(d.end);
    if (start >= end) ctx.addIssue({ code: "custom", message: "The day must end after it starts", path: ["end"] });
    d.breaks.forEach((b, i) => {
      if (toMinutes(b.start) < start || toMinutes(b.end) > end) {
        ctx.addIssue({ code: "custom", message: "A break must lie inside working hours", path: ["breaks", i, "start"] });
      }
    });
    const sorted = [...d.breaks].sort((a, b) => toMinutes(a.start) - toMinutes(b.start));
    for (let i = 1; i < sorted.length; i++) {
      if (toMinutes(sorted[i]!.start) < toMinutes(sorted[i - 1]!.end)) {
        ctx.addIssue({ code: "custom", message: "Breaks must not overlap", path: ["breaks"] });
        break;
      }
    }
  });
export type WorkingDay = z.infer<typeof WorkingDaySchema>;

/** The weekly schedule form: one entry per ISO weekday, taking effect on a date. */
export const WeeklyHoursSchema = z.object({
  practitionerId: z.uuid(),
  locationId: z.uuid({ message: "Choose a location" }),
  effectiveFrom: IsoDateSchema,
  days: z.array(WorkingDaySchema).length(7),
});
export type WeeklyHoursInput = z.infer<typeof WeeklyHoursSchema>;

export const ServiceFieldsSchema = z.object({
  name: z.string().trim().min(2, "Give the service a name").max(80),
  description: z.string().trim().max(500, "Keep the description under 500 characters"),
  discipline: z.enum(DISCIPLINES, { message: "Choose a discipline" }),
  durationMinutes: z.number({ message: "Enter minutes" }).int().min(5, "At least 5 minutes").max(480, "At most 8 hours"),
  bufferBeforeMinutes: z.number({ message: "Enter minutes" }).int().min(0).max(120, "At most 120 minutes"),
  bufferAfterMinutes: z.number({ message: "Enter minutes" }).int().min(0).max(120, "At most 120 minutes"),
  minNoticeMinutes: z
    .number({ message: "Enter minutes" })
    .int()
    .min(0)
    .max(60 * 24 * 30, "At most 30 days"),
  cancellationCutoffHours: z
    .number({ message: "Enter hours" })
    .int()
    .min(0)
    .max(24 * 14, "At most 14 days"),
  needsReview: z.boolean(),
  isHandsOn: z.boolean(),
  /** The kind of room each visit holds; "" from the form's "No room needed" is null. */
  roomKind: z.preprocess((v) => (v === "" || v === undefined ? null : v), z.enum(ROOM_KINDS, { message: "Choose a kind of room" }).nullable()),
  isOnlineBookable: z.boolean(),
  isActive: z.boolean(),
});
export const ServiceSchema = ServiceFieldsSchema.extend({ id: z.uuid() });
export type ServiceInput = z.infer<typeof ServiceSchema>;
export type ServiceFields = z.infer<typeof ServiceFieldsSchema>;

/** A practitioner made by an admin (no sign-in account needed; an invitation can give one later). */
export const NewPractitionerSchema = z.object({
  displayName: z.string().trim().min(2, "Enter the practitioner's name").max(80, "Keep it under 80 characters"),
  credentials: z.string().trim().max(80, "Keep it under 80 characters").default(""),
  discipline: z.enum(DISCIPLINES, { message: "Choose a discipline" }),
  locationId: z.uuid({ message: "Choose a location" }),
  serviceIds: z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.uuid()).max(50)),
});

const LocalDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "Choose a date and time");
export const TimeOffSchema = z.object({
  practitionerId: z.uuid(),
  from: LocalDateTime,
  to: LocalDateTime,
  reason: z.string().trim().max(200, "Keep it under 200 characters").default(""),
});
export const ClosureSchema = z.object({
  locationId: z.uuid({ message: "Choose a location" }),
  fromDate: IsoDateSchema,
  toDate: IsoDateSchema,
  reason: z.string().trim().min(2, "Say why (patients are not shown it)").max(200, "Keep it under 200 characters"),
});
export const RemoveByIdSchema = z.object({ id: z.uuid() });

/** The longest weekly time off entered at once: a year, leap day included (first to last day, inclusive). */
export const MAX_SERIES_DAYS = 366;

/** Whole days from one "YYYY-MM-DD" to another (no server imports: the form runs this too). */
const daysBetween = (from: string, until: string) => Math.round((Date.parse(`${until}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/**
 * Weekly time off: "every Friday from 13:00 to 17:00, from a date until a date", on the practitioner's
 * location's clock. Each occurrence is stored as a time_off row of one series (lib/clinic/time-off).
 */
export const RecurringTimeOffSchema = z
  .object({
    practitionerId: z.uuid(),
    // Checkboxes post one value, several, or none.
    weekdays: z.preprocess(
      (v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]),
      z
        .array(z.coerce.number().int().min(1).max(7))
        .min(1, "Choose at least one weekday")
        .max(7)
        .transform((days) => [...new Set(days)].sort((a, b) => a - b)),
    ),
    startTime: TimeOfDaySchema,
    endTime: TimeOfDaySchema,
    fromDate: IsoDateSchema,
    untilDate: IsoDateSchema,
    reason: z.string().trim().max(200, "Keep it under 200 characters").default(""),
  })
  .superRefine((v, ctx) => {
    if (toMinutes(v.endTime) <= toMinutes(v.startTime)) ctx.addIssue({ code: "custom", message: "The end must be after the start", path: ["endTime"] });
    const days = daysBetween(v.fromDate, v.untilDate);
    if (days < 0) ctx.addIssue({ code: "custom", message: "The last day must be on or after the first", path: ["untilDate"] });
    else if (days + 1 > MAX_SERIES_DAYS) ctx.addIssue({ code: "custom", message: "At most a year at a time", path: ["untilDate"] });
  });
export type RecurringTimeOffInput = z.infer<typeof RecurringTimeOffSchema>;

export const RemoveTimeOffSeriesSchema = z.object({ seriesId: z.uuid() });
