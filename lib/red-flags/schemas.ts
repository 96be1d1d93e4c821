import { z } from "zod";

export const ClearRedFlagSchema = z.object({
  flagId: z.uuid(),
  caseId: z.uuid(),
  note: z.string().trim().min(3, "Write a short clinical note").max(500, "Keep the note under 500 characters"),
});
