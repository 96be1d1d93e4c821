import { z } from "zod";
import { BODY_AREAS, DIFFICULTIES, POSITIONS, SIDES } from "./kinds";

/**
 * A dose: sets, then either reps or a duration (never both), optional hold, how often a day and how
 * many days a week, a side and notes. Shared by the builder (react-hook-form) and the server.
 */
const optionalInt = (min: number, max: number, message: string) =>
  z.preprocess(
    (v) => (v === "" || v === null || v === undefined || (typeof v === "number" && Number.isNaN(v)) ? undefined : Number(v)),
    z.number({ message }).int(message).min(min, message).max(max, message).optional(),
  );

export const RegimenItemSchema = z
  .object({
    exerciseId: z.uuid({ message: "Choose an exercise" }),
    sets: z.number({ message: "1 to 10 sets" }).int().min(1, "1 to 10 sets").max(10, "1 to 10 sets"),
    reps: optionalInt(1, 50, "1 to 50 reps"),
    durationSeconds: optionalInt(10, 3600, "10 seconds to 60 minutes"),
    holdSeconds: optionalInt(0, 120, "Hold 0 to 120 seconds"),
    timesPerDay: z.number({ message: "1 to 6 times a day" }).int().min(1, "1 to 6 times a day").max(6, "1 to 6 times a day"),
    daysPerWeek: z.number({ message: "1 to 7 days a week" }).int().min(1, "1 to 7 days a week").max(7, "1 to 7 days a week"),
    side: z.enum(SIDES),
    notes: z.string().trim().max(300, "Keep notes under 300 characters").default(""),
  })
  .superRefine((item, ctx) => {
    if (item.reps === undefined && item.durationSeconds === undefined) ctx.addIssue({ code: "custom", path: ["reps"], message: "Give reps or a duration" });
    if (item.reps !== undefined && item.durationSeconds !== undefined) ctx.addIssue({ code: "custom", path: ["durationSeconds"], message: "Give reps or a duration, not both" });
    if (item.holdSeconds && item.durationSeconds) ctx.addIssue({ code: "custom", path: ["holdSeconds"], message: "A hold goes with reps, not with a timed exercise" });
  });
export type RegimenItemInput = z.input<typeof RegimenItemSchema>;
export type RegimenItem = z.infer<typeof RegimenItemSchema>;

export const RegimenSchema = z
  .object({
    caseId: z.uuid(),
    title: z.string().trim().min(3, "Give the plan a short title").max(80),
    startDate: z.iso.date({ message: "Choose a start date" }),
    reviewDate: z.iso.date({ message: "Choose a review date" }),
    items: z.array(RegimenItemSchema).min(1, "Add at least one exercise").max(12, "At most 12 exercises"),
  })
  .refine((r) => r.reviewDate >= r.startDate, { message: "Review on or after the start", path: ["reviewDate"] })
  .refine((r) => new Set(r.items.map((i) => i.exerciseId)).size === r.items.length, { message: "An exercise appears twice", path: ["items"] });
export type RegimenInput = z.input<typeof RegimenSchema>;

export const TemplateSchema = z.object({
  name: z.string().trim().min(3, "Name the template").max(60),
  description: z.string().trim().max(300).default(""),
  items: z.array(RegimenItemSchema).min(1).max(12),
});

const url = z
  .string()
  .trim()
  .max(500)
  .refine((v) => v === "" || /^https:\/\/[^\s<>"]+$/i.test(v), { message: "Use an https:// link" });

export const ExerciseSchema = z.object({
  id: z.union([z.uuid(), z.literal("")]).default(""),
  name: z.string().trim().min(3, "Name the exercise").max(80),
  instructions: z.string().trim().min(20, "Write the instructions a patient follows at home").max(3000),
  bodyArea: z.enum(BODY_AREAS, { message: "Choose a body area" }),
  position: z.enum(POSITIONS, { message: "Choose a position" }),
  difficulty: z.enum(DIFFICULTIES, { message: "Choose a difficulty" }),
  equipment: z.string().trim().min(2, "Say what is needed, or None").max(80),
  precautions: z.string().trim().max(1000).default(""),
  mediaUrl: url.default(""),
});

/** What the phone sends: sessions done and the day's pain, each with an id made on the phone. */
export const PlanLogSchema = z.object({
  entries: z
    .array(
      z.object({
        clientId: z.uuid(),
        regimenItemId: z.uuid(),
        date: z.iso.date(),
        setsDone: z.number().int().min(0).max(10),
      }),
    )
    .max(200)
    .default([]),
  checkin: z
    .object({
      date: z.iso.date(),
      pain: z.number().int().min(0).max(10).nullable(),
      comment: z.string().trim().max(1000).default(""),
    })
    .optional(),
});
