import { z } from "zod";

export const CreateFeedSchema = z.object({
  label: z.string().trim().min(1, "Name the device or app, e.g. “Phone”").max(60, "Keep it under 60 characters"),
});
export const RevokeFeedSchema = z.object({ feedId: z.uuid() });
