import { z } from "zod";
import { CASE_STATUSES } from "@/lib/cases/status";

export const NominateSchema = z.object({
  caseId: z.uuid(),
  reason: z.string().trim().min(3, "Say briefly why the team should discuss this case").max(500),
});

const ActionItemInput = z.object({
  ownerPractitionerId: z.string().trim().max(64),
  description: z.string().trim().max(300),
  dueOn: z.string().trim().max(10, "Give a due date"),
});

/** One agenda item's outcome. Action rows left completely empty are ignored; partly filled ones must be complete. */
export const DecisionSchema = z
  .object({
    itemId: z.uuid(),
    recommendation: z.string().trim().min(3, "Record the team's recommendation").max(4000),
    outcomeStatus: z.union([z.enum(CASE_STATUSES), z.literal("")]).default(""),
    actions: z.array(ActionItemInput).max(5).default([]),
  })
  .transform((v, ctx) => {
    const actions = v.actions.filter((a) => a.ownerPractitionerId || a.description || a.dueOn);
    actions.forEach((a, i) => {
      const index = v.actions.indexOf(a);
      if (!z.uuid().safeParse(a.ownerPractitionerId).success) ctx.addIssue({ code: "custom", path: ["actions", index, "ownerPractitionerId"], message: "Choose who does it" });
      if (a.description.length < 3) ctx.addIssue({ code: "custom", path: ["actions", index, "description"], message: "Say what needs doing" });
      if (!z.iso.date().safeParse(a.dueOn).success) ctx.addIssue({ code: "custom", path: ["actions", index, "dueOn"], message: "Give a due date" });
      void i;
    });
    return { ...v, outcomeStatus: v.outcomeStatus || null, actions };
  });

export const ConferenceRecordSchema = z.object({
  conferenceId: z.uuid(),
  summary: z.string().trim().max(10_000),
  attendees: z
    .union([z.uuid(), z.array(z.uuid())])
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .default([]),
});

export const CompleteActionSchema = z.object({ actionItemId: z.uuid() });
