"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { createFormAction } from "@/lib/actions/create-action";
import { recordAuditEvent } from "@/lib/audit";
import { forgetClinic } from "@/lib/clinic/context";
import { saveClinicSettings } from "./settings";

const SettingsSchema = z
  .object({
    acuteWeeks: z.coerce.number({ message: "Enter weeks" }).int().min(1, "At least 1 week").max(52),
    chronicWeeks: z.coerce.number({ message: "Enter weeks" }).int().min(2).max(104),
    conferenceWeekday: z.coerce.number().int().min(1).max(7),
    conferenceTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Use a time like 12:30"),
    clinicName: z.string().trim().min(2, "Enter the clinic's name").max(120, "Keep it under 120 characters"),
    emergencyNumber: z
      .string()
      .trim()
      .regex(/^[0-9]{2,6}$/, "Enter the emergency number, digits only (e.g. 911)"),
  })
  .refine((v) => v.chronicWeeks > v.acuteWeeks, { message: "Chronic must start after acute ends", path: ["chronicWeeks"] });

export const saveSettingsAction = createFormAction({ schema: SettingsSchema, roles: ["admin"] }, async (input, user) => {
  await getDb().transaction(async (tx) => {
    await saveClinicSettings(tx, input);
    forgetClinic();
    await recordAuditEvent(tx, { actor: user, action: "settings.updated", details: { ...input } });
  });
  revalidatePath("/admin/settings");
  return input;
});
