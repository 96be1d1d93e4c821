import { z } from "zod";
import { CANCEL_REASONS } from "@/lib/appointments/cancellation";
import { MAX_SERIES_VISITS } from "./plan";

/** A plan of care as a series: shared by the form and the server (no server imports). */
export const SeriesPatternSchema = z.object({
  caseId: z.uuid(),
  service: z.string().trim().min(1).max(100),
  practitionerId: z.uuid({ message: "Choose a practitioner" }),
  weekdays: z
    .array(z.coerce.number().int().min(1).max(7))
    .min(1, "Choose at least one day of the week")
    .max(7)
    .transform((days) => [...new Set(days)].sort()),
  time: z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, "Choose a time (HH:mm)"),
  startsOn: z.iso.date({ message: "Choose the first day" }),
  count: z.coerce.number({ message: "How many visits?" }).int().min(1, "Book at least one visit").max(MAX_SERIES_VISITS, `At most ${MAX_SERIES_VISITS} visits in one series`),
});
export type SeriesPatternInput = z.infer<typeof SeriesPatternSchema>;

/** Booking: the pattern and the times chosen (each an occurrence or an alternative the check offered). */
export const BookSeriesSchema = SeriesPatternSchema.extend({
  starts: z
    .array(z.iso.datetime({ offset: true }))
    .min(1, "Choose at least one visit")
    .max(MAX_SERIES_VISITS)
    .refine((starts) => new Set(starts.map((s) => Date.parse(s))).size === starts.length, "A time is chosen twice"),
});
export type BookSeriesInput = z.infer<typeof BookSeriesSchema>;

/** The desk stops a plan on purpose (it leaves the recall list), with a reason. */
export const EndSeriesSchema = z.object({
  seriesId: z.uuid(),
  reason: z.enum(CANCEL_REASONS, { message: "Choose a reason" }),
});
