import { z } from "zod";
import { DISCIPLINES } from "@/lib/clinic/disciplines";
import { PRIORITIES } from "@/lib/triage/red-flags";
import { CASE_STATUSES } from "./status";

/** The queue's filters, read from the URL. Unknown values are dropped rather than failing the page. */
export const QueueFiltersSchema = z.object({
  status: z.enum(CASE_STATUSES).optional().catch(undefined),
  priority: z.enum(PRIORITIES).optional().catch(undefined),
  discipline: z.enum(DISCIPLINES).optional().catch(undefined),
  owner: z.enum(["mine", "unassigned"]).optional().catch(undefined),
  redFlags: z.enum(["yes"]).optional().catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
  sort: z.enum(["priority", "newest", "oldest"]).default("priority").catch("priority"),
  after: z.string().max(400).optional().catch(undefined),
});
export type QueueFilters = z.infer<typeof QueueFiltersSchema>;

export const CaseIdSchema = z.object({ caseId: z.uuid() });
export const AssignCaseSchema = z.object({ caseId: z.uuid(), practitionerId: z.uuid({ message: "Choose a practitioner" }) });
export const TransitionCaseSchema = z
  .object({
    caseId: z.uuid(),
    to: z.enum(CASE_STATUSES, { message: "Choose a status" }),
    /** Closing a case is a clinical decision: say why (kept on the case). */
    reason: z.string().trim().max(1000, "Keep the reason under 1,000 characters").default(""),
  })
  .refine((v) => v.to !== "discharged" || v.reason.length >= 3, { path: ["reason"], message: "Say why the case is closed" });

export const NoteSchema = z.object({
  caseId: z.uuid(),
  body: z.string().trim().min(1, "Write the note first").max(10_000, "Keep a note under 10,000 characters"),
});
export const EditNoteSchema = z.object({
  noteId: z.uuid(),
  body: z.string().trim().min(1, "A note cannot be empty").max(10_000, "Keep a note under 10,000 characters"),
});

export const PainScoreSchema = z.object({
  caseId: z.uuid(),
  score: z.coerce.number({ message: "Choose 0 to 10" }).int().min(0, "Choose 0 to 10").max(10, "Choose 0 to 10"),
});

export const PsfsSchema = z.object({
  caseId: z.uuid(),
  kind: z.enum(["intake", "follow_up"]).default("follow_up"),
  items: z
    .array(z.object({ activity: z.string().trim().min(2, "Name the activity").max(80), score: z.coerce.number().int().min(0).max(10) }))
    .min(3, "Name at least 3 activities")
    .max(5, "At most 5 activities"),
});
