"use server";

import { eq } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { practitioners } from "@/db/schema";
import { createAction, createFormAction } from "@/lib/actions/create-action";
import { recordAuditEvent } from "@/lib/audit";
import { DomainError } from "@/lib/errors";
import { replaceWeeklyHours } from "./hours";
import { createPractitioner, createService, updateService } from "./commands";
import {
  ClosureSchema,
  NewPractitionerSchema,
  RecurringTimeOffSchema,
  RemoveByIdSchema,
  RemoveTimeOffSeriesSchema,
  ServiceFieldsSchema,
  ServiceSchema,
  TimeOffSchema,
  WeeklyHoursSchema,
} from "./schemas";
import { addClosure, addRecurringTimeOff, addTimeOff, removeClosure, removeTimeOff, removeTimeOffSeries } from "./time-off";

export const updateServiceAction = createAction({ schema: ServiceSchema, roles: ["admin"] }, async (values, user) => {
  const updated = await getDb().transaction((tx) => updateService(tx, { actor: user, values }));
  revalidatePath("/admin/services");
  revalidatePath("/");
  return updated;
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

/** A new service (the form the edit page uses); answers its id for the edit page. */
export const createServiceAction = createAction({ schema: ServiceFieldsSchema, roles: ["admin"] }, async (values, user) => {
  const created = await getDb().transaction((tx) => createService(tx, { actor: user, values }));
  revalidatePath("/admin/services");
  revalidatePath("/");
  return created;
});

/** A new practitioner at a location, with the services they offer; hours are set on their page. */
export const createPractitionerAction = createFormAction({ schema: NewPractitionerSchema, roles: ["admin"] }, async (values, user) => {
  const created = await getDb().transaction((tx) => createPractitioner(tx, { actor: user, values }));
  revalidatePath("/admin/practitioners");
  return created;
});

/** Time off for a practitioner (their location's clock); appointments inside are listed, never cancelled. */
export const addTimeOffAction = createFormAction({ schema: TimeOffSchema, roles: ["admin"] }, async (input, user) => {
  const { inside } = await getDb().transaction((tx) => addTimeOff(tx, { actor: user, ...input }));
  revalidatePath(`/admin/practitioners/${input.practitionerId}`);
  return { appointmentsInside: inside.length };
});

export const removeTimeOffAction = createFormAction({ schema: RemoveByIdSchema, roles: ["admin"] }, async ({ id }, user) => {
  await getDb().transaction((tx) => removeTimeOff(tx, { actor: user, id }));
  revalidatePath("/admin/practitioners", "layout");
  return { id };
});

/** Weekly time off (one row per occurrence, one series); appointments inside any occurrence are listed, never cancelled. */
export const addRecurringTimeOffAction = createFormAction({ schema: RecurringTimeOffSchema, roles: ["admin"] }, async (input, user) => {
  const { occurrences, inside } = await getDb().transaction((tx) => addRecurringTimeOff(tx, { actor: user, ...input }));
  revalidatePath(`/admin/practitioners/${input.practitionerId}`);
  return { occurrences, appointmentsInside: inside.length };
});

/** Removes a series' occurrences still to come; past ones stay on record. */
export const removeTimeOffSeriesAction = createFormAction({ schema: RemoveTimeOffSeriesSchema, roles: ["admin"] }, async ({ seriesId }, user) => {
  const { removed } = await getDb().transaction((tx) => removeTimeOffSeries(tx, { actor: user, seriesId }));
  revalidatePath("/admin/practitioners", "layout");
  return { removed };
});

/** A location closed for whole days; appointments inside are listed for the desk to move. */
export const addClosureAction = createFormAction({ schema: ClosureSchema, roles: ["admin"] }, async (input, user) => {
  const { inside } = await getDb().transaction((tx) => addClosure(tx, { actor: user, ...input }));
  revalidatePath("/admin/locations");
  return { appointmentsInside: inside.length };
});

export const removeClosureAction = createFormAction({ schema: RemoveByIdSchema, roles: ["admin"] }, async ({ id }, user) => {
  await getDb().transaction((tx) => removeClosure(tx, { actor: user, id }));
  revalidatePath("/admin/locations");
  return { id };
});
