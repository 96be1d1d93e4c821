"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { createFormAction } from "@/lib/actions/create-action";
import { DomainError } from "@/lib/errors";
import { addNote, assignLead, changeCaseStatus, editNote, recordPainScore, recordPsfs } from "./commands";
import { AssignCaseSchema, CaseIdSchema, EditNoteSchema, NoteSchema, PainScoreSchema, PsfsSchema, TransitionCaseSchema } from "./schemas";

const CLINICAL = ["practitioner", "admin"] as const;
const done = (caseId: string) => {
  revalidatePath(`/cases/${caseId}`);
  revalidatePath("/cases");
  return { caseId };
};

export const claimCaseAction = createFormAction({ schema: CaseIdSchema, roles: ["practitioner"] }, async ({ caseId }, user) => {
  if (!user.practitionerId) throw new DomainError("forbidden", "claim_practitioners_only");
  await getDb().transaction((tx) => assignLead(tx, caseId, user.practitionerId!, user, true));
  return done(caseId);
});

export const assignCaseAction = createFormAction({ schema: AssignCaseSchema, roles: CLINICAL }, async ({ caseId, practitionerId }, user) => {
  await getDb().transaction((tx) => assignLead(tx, caseId, practitionerId, user, false, { onlyLeadOrAdmin: true }));
  return done(caseId);
});

export const transitionCaseAction = createFormAction({ schema: TransitionCaseSchema, roles: CLINICAL }, async ({ caseId, to, reason }, user) => {
  await getDb().transaction((tx) => changeCaseStatus(tx, caseId, to, user, {}, { reason }));
  return done(caseId);
});

export const addNoteAction = createFormAction({ schema: NoteSchema, roles: ["practitioner"] }, async ({ caseId, body }, user) => {
  await getDb().transaction((tx) => addNote(tx, caseId, body, user));
  return done(caseId);
});

export const editNoteAction = createFormAction({ schema: EditNoteSchema, roles: ["practitioner"] }, async ({ noteId, body }, user) => {
  await getDb().transaction((tx) => editNote(tx, noteId, body, user));
  revalidatePath("/cases", "layout");
  return { noteId };
});

export const recordPainScoreAction = createFormAction({ schema: PainScoreSchema, roles: ["practitioner"] }, async ({ caseId, score }, user) => {
  await getDb().transaction((tx) => recordPainScore(tx, caseId, score, user));
  return done(caseId);
});

export const recordPsfsAction = createFormAction({ schema: PsfsSchema, roles: ["practitioner"] }, async ({ caseId, kind, items }, user) => {
  await getDb().transaction((tx) => recordPsfs(tx, caseId, kind, items, user));
  return done(caseId);
});
