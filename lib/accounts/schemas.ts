import { z } from "zod";

export const SetUserDisabledSchema = z.object({
  userId: z.uuid(),
  disabled: z.boolean(),
});
export type SetUserDisabledInput = z.infer<typeof SetUserDisabledSchema>;
