"use server";

import { eq } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { practitioners, services } from "@/db/schema";
import { createAction } from "@/lib/actions/create-action";
import { recordAuditEvent } from "@/lib/audit";
import { DomainError } from "@/lib/errors";
import { replaceWeeklyHours } from "./hours";
import { ServiceSchema, WeeklyHoursSchema } from "./schemas";

export const updateServiceAction = createAction({ schema: ServiceSchema, roles: ["admin"] }, async (input, user) => {
  const { id, ...values } = input;
  await getDb().transaction(async (tx) => {
    const updated = await tx.update(services).set(values).where(eq(services.id, id)).returning({ id: services.id });
    if (!updated.length) throw new DomainError("not_found", "service");
    await recordAuditEvent(tx, { actor: user, action: "service.updated", entityType: "service", entityId: id, details: { fields: Object.keys(values) } });
  });
  revalidatePath("/admin/services");
  revalidatePath("/");
  return { id };
});

export const saveWeeklyHoursAction = createAction({ schema: WeeklyHoursSchema, roles: ["admin"] }, async (input, user) => {
  const days = await getDb().transaction(async (tx) => {
    const [p] = await tx.select({ id: practitioners.id }).from(practitioners).where(eq(practitioners.id, input.practitionerId));
    if (!p) throw new DomainError("not_found", "practitioner");
    const n = await replaceWeeklyHours(tx, input);
    await recordAuditEvent(tx, {
      actor: user,
      action: "working_hours.replaced",
      entityType: "practitioner",
      entityId: input.practitionerId,
      details: { locationId: input.locationId, effectiveFrom: input.effectiveFrom, workingDays: n },
    });
    return n;
  });
  revalidatePath(`/admin/practitioners/${input.practitionerId}`);
  return { workingDays: days };
});
