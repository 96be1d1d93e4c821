import { randomUUID } from "node:crypto";
import type { DbOrTx } from "../client";
import { inArray } from "drizzle-orm";
import {
  appointments,
  caseNotes,
  dailyCheckins,
  exerciseLogs,
  regimenItems,
  regimens,
  cases,
  intakes,
  locations,
  patientRedFlags,
  redFlagEvents,
  painScores,
  psfsAssessments,
  referrals,
  patients,
  practitioners,
  practitionerServices,
  rooms,
  services,
  timeOff,
  users,
  workingHours,
} from "../schema";
import type { Role } from "@/lib/auth/roles";
import type { Discipline } from "@/lib/clinic/disciplines";
import type { BreakInterval } from "@/lib/clinic/schemas";
import type { AppointmentStatus } from "@/lib/appointments/status";
import type { RoomKind } from "@/lib/rooms/kinds";
import { appointmentWindow } from "@/lib/appointments/window";
import { hashPassword } from "@/lib/auth/password";
import type { CaseStatus, DurationClass } from "@/lib/cases/status";
import { asRedFlagCodes, priorityOfFlag, type Priority } from "@/lib/triage/red-flags";
import { and, eq, isNull } from "drizzle-orm";
import type { ReferralStatus, Specialty } from "@/lib/referrals/kinds";

/**
 * Factories shared by the demo seed, the integration tests and the e2e fixtures: one way to make each
 * row, with sensible defaults, so tests never depend on the demo clinic's exact rows.
 */

export const DEMO_PASSWORD = "backline-demo";

const hashCache = new Map<string, Promise<string>>();
function cachedHash(password: string): Promise<string> {
  // Hashing costs ~30 ms; tests create many users with the same password.
  let h = hashCache.get(password);
  if (!h) {
    h = hashPassword(password);
    hashCache.set(password, h);
  }
  return h;
}

export function uniqueEmail(prefix = "user"): string {
  return `${prefix}-${randomUUID().slice(0, 8)}@example.test`;
}

export async function createUser(db: DbOrTx, input: { role: Role; email?: string; name?: string; password?: string; disabled?: boolean }) {
  const [row] = await db
    .insert(users)
    .values({
      email: (input.email ?? uniqueEmail(input.role)).toLowerCase(),
      name: input.name ?? `Test ${input.role}`,
      passwordHash: await cachedHash(input.password ?? DEMO_PASSWORD),
      role: input.role,
      disabledAt: input.disabled ? new Date() : null,
    })
    .returning();
  return row!;
}

export async function createLocation(db: DbOrTx, input: Partial<typeof locations.$inferInsert> = {}) {
  const [row] = await db
    .insert(locations)
    .values({
      name: "Backline Test Clinic",
      address: "1 Test Street, New York, NY",
      timeZone: "America/New_York",
      ...input,
    })
    .returning();
  return row!;
}

export async function createService(db: DbOrTx, input: Partial<typeof services.$inferInsert> = {}) {
  const slug = input.slug ?? `service-${randomUUID().slice(0, 8)}`;
  const [row] = await db
    .insert(services)
    .values({
      name: `Service ${slug}`,
      discipline: "massage_therapist",
      durationMinutes: 60,
      // Hands-on by default where the clinic's default says so (migration 0011); an input can say otherwise.
      isHandsOn: (input.discipline ?? "massage_therapist") === "massage_therapist" || input.discipline === "chiropractor",
      ...input,
      slug,
    })
    .returning();
  return row!;
}

export async function createPractitioner(
  db: DbOrTx,
  input: {
    discipline: Discipline;
    displayName?: string;
    credentials?: string;
    bio?: string;
    /** Give the practitioner a sign-in account (role practitioner). */
    account?: { email?: string; password?: string } | false;
    serviceIds?: string[];
  },
) {
  const user = input.account
    ? await createUser(db, {
        role: "practitioner",
        email: input.account.email,
        password: input.account.password,
        name: input.displayName,
      })
    : null;
  const [row] = await db
    .insert(practitioners)
    .values({
      userId: user?.id ?? null,
      displayName: input.displayName ?? `Practitioner ${randomUUID().slice(0, 4)}`,
      credentials: input.credentials ?? null,
      discipline: input.discipline,
      bio: input.bio ?? null,
    })
    .returning();
  if (input.serviceIds?.length) {
    await db.insert(practitionerServices).values(input.serviceIds.map((serviceId) => ({ practitionerId: row!.id, serviceId })));
  }
  return { ...row!, user };
}

export async function createPatient(
  db: DbOrTx,
  input: {
    fullName?: string;
    email?: string;
    phone?: string;
    dateOfBirth?: string;
    /** Give the patient a portal account (role patient). */
    account?: { password?: string } | false;
  } = {},
) {
  const email = (input.email ?? uniqueEmail("patient")).toLowerCase();
  const fullName = input.fullName ?? "Test Patient";
  const user = input.account ? await createUser(db, { role: "patient", email, name: fullName, password: input.account.password }) : null;
  const [row] = await db
    .insert(patients)
    .values({
      userId: user?.id ?? null,
      fullName,
      email,
      phone: input.phone ?? "+1 212 555 0100",
      dateOfBirth: input.dateOfBirth ?? "1980-01-01",
    })
    .returning();
  return { ...row!, user };
}

export interface WeeklyDay {
  weekday: number;
  start: string;
  end: string;
  breaks?: BreakInterval[];
}

export async function setWorkingHours(db: DbOrTx, input: { practitionerId: string; locationId: string; days: WeeklyDay[]; effectiveFrom?: string; effectiveUntil?: string | null }) {
  if (!input.days.length) return [];
  return db
    .insert(workingHours)
    .values(
      input.days.map((d) => ({
        practitionerId: input.practitionerId,
        locationId: input.locationId,
        weekday: d.weekday,
        startTime: d.start,
        endTime: d.end,
        breaks: d.breaks ?? [],
        effectiveFrom: input.effectiveFrom ?? "2020-01-01",
        effectiveUntil: input.effectiveUntil ?? null,
      })),
    )
    .returning();
}

export async function createRoom(db: DbOrTx, input: { locationId: string; kind: RoomKind; name?: string; isActive?: boolean }) {
  const [row] = await db
    .insert(rooms)
    .values({ name: input.name ?? `Room ${randomUUID().slice(0, 6)}`, ...input })
    .returning();
  return row!;
}

export async function createTimeOff(db: DbOrTx, input: { practitionerId: string; startsAt: Date; endsAt: Date; reason?: string }) {
  const [row] = await db
    .insert(timeOff)
    .values({ reason: "", ...input })
    .returning();
  return row!;
}

export async function createAppointment(
  db: DbOrTx,
  input: {
    patientId: string;
    practitionerId: string;
    service: { id: string; durationMinutes: number; bufferBeforeMinutes: number; bufferAfterMinutes: number };
    locationId: string;
    startsAt: Date;
    status?: AppointmentStatus;
    roomId?: string | null;
  },
) {
  const [row] = await db
    .insert(appointments)
    .values({
      patientId: input.patientId,
      practitionerId: input.practitionerId,
      serviceId: input.service.id,
      locationId: input.locationId,
      roomId: input.roomId ?? null,
      status: input.status ?? "confirmed",
      ...appointmentWindow(input.service, input.startsAt),
    })
    .returning();
  return row!;
}

export async function createIntake(
  db: DbOrTx,
  input: { appointmentId: string; painStartedOn: string; painScore: number; redFlags?: string[]; worseWith?: string; notes?: string; priority?: Priority },
) {
  const [row] = await db
    .insert(intakes)
    .values({ worseWith: "", notes: "", redFlags: [], priority: "routine", ...input })
    .returning();
  return row!;
}

export async function createCase(
  db: DbOrTx,
  input: {
    patientId: string;
    status?: CaseStatus;
    priority?: Priority;
    durationClass?: DurationClass;
    leadPractitionerId?: string | null;
    disciplines?: Discipline[];
    redFlags?: string[];
    awaitingReview?: boolean;
    painStartedOn?: string;
    openedAt?: Date;
    searchText?: string;
    appointmentIds?: string[];
  },
) {
  const priority = input.priority ?? "routine";
  const [row] = await db
    .insert(cases)
    .values({
      patientId: input.patientId,
      status: input.status ?? "new",
      priority,
      durationClass: input.durationClass ?? "acute",
      leadPractitionerId: input.leadPractitionerId ?? null,
      disciplines: input.disciplines ?? [],
      redFlags: input.redFlags ?? [],
      awaitingReview: input.awaitingReview ?? false,
      painStartedOn: input.painStartedOn ?? null,
      openedAt: input.openedAt ?? new Date(),
      searchText: (input.searchText ?? "").toLowerCase(),
    })
    .returning();
  if (input.appointmentIds?.length) await db.update(appointments).set({ caseId: row!.id }).where(inArray(appointments.id, input.appointmentIds));
  // A case's red flags are the patient's flags (uncleared) — the same record a booking makes.
  await reportFlags(db, { patientId: input.patientId, codes: input.redFlags ?? [], caseId: row!.id });
  return row!;
}

/** Reports red flags for a patient as a request would (new or uncleared again), with their history. */
export async function reportFlags(db: DbOrTx, input: { patientId: string; codes: readonly string[]; caseId?: string | null; appointmentId?: string | null }) {
  for (const code of asRedFlagCodes(input.codes)) {
    const [flag] = await db
      .insert(patientRedFlags)
      .values({ patientId: input.patientId, code, priority: priorityOfFlag(code) })
      .onConflictDoUpdate({ target: [patientRedFlags.patientId, patientRedFlags.code], set: { lastReportedAt: new Date(), clearedAt: null, clearedBy: null, clearanceNote: null } })
      .returning({ id: patientRedFlags.id });
    await db.insert(redFlagEvents).values({ flagId: flag!.id, kind: "reported", caseId: input.caseId ?? null, appointmentId: input.appointmentId ?? null });
  }
}

/** Clears every uncleared flag of a patient as `clearedBy` (fixtures; the app clears one by one with a policy). */
export async function clearFlags(db: DbOrTx, input: { patientId: string; clearedBy: string; note?: string; at?: Date }) {
  const open = await db
    .select({ id: patientRedFlags.id })
    .from(patientRedFlags)
    .where(and(eq(patientRedFlags.patientId, input.patientId), isNull(patientRedFlags.clearedAt)));
  for (const f of open) {
    const at = input.at ?? new Date();
    const note = input.note ?? "Cleared after examination";
    await db.update(patientRedFlags).set({ clearedAt: at, clearedBy: input.clearedBy, clearanceNote: note }).where(eq(patientRedFlags.id, f.id));
    await db.insert(redFlagEvents).values({ flagId: f.id, kind: "cleared", at, actorUserId: input.clearedBy, note });
  }
}

export async function addCaseNote(db: DbOrTx, input: { caseId: string; authorUserId: string; authorDiscipline: Discipline | null; body: string; createdAt?: Date }) {
  const [row] = await db
    .insert(caseNotes)
    .values({ ...input, updatedAt: input.createdAt ?? new Date() })
    .returning();
  return row!;
}

export async function addPainScore(db: DbOrTx, input: { caseId: string; score: number; source?: string; recordedAt?: Date }) {
  await db.insert(painScores).values({ source: "visit", ...input });
}

export async function addPsfs(db: DbOrTx, input: { caseId: string; kind: "intake" | "follow_up"; items: Array<{ activity: string; score: number }>; recordedAt?: Date }) {
  await db.insert(psfsAssessments).values(input);
}

export async function createReferral(
  db: DbOrTx,
  input: { caseId: string; direction: "incoming" | "outgoing"; specialty: Specialty; counterpart: string; reason: string; letterText?: string; status?: ReferralStatus },
) {
  const [row] = await db
    .insert(referrals)
    .values({ letterText: "", status: input.direction === "incoming" ? "received" : "sent", ...input })
    .returning();
  return row!;
}

/** A regimen version with its items (the first version unless `previous` is given). */
export async function createRegimen(
  db: DbOrTx,
  input: {
    caseId: string;
    patientId: string;
    createdBy: string;
    title: string;
    startDate: string;
    reviewDate: string;
    items: Array<{ exerciseId: string; sets: number; reps?: number; durationSeconds?: number; holdSeconds?: number; timesPerDay?: number; daysPerWeek?: number; side?: string; notes?: string }>;
  },
) {
  const id = randomUUID();
  await db.insert(regimens).values({
    id,
    lineageId: id,
    version: 1,
    caseId: input.caseId,
    patientId: input.patientId,
    title: input.title,
    startDate: input.startDate,
    reviewDate: input.reviewDate,
    createdBy: input.createdBy,
  });
  const items = await db
    .insert(regimenItems)
    .values(
      input.items.map((i, position) => ({
        regimenId: id,
        exerciseId: i.exerciseId,
        position,
        sets: i.sets,
        reps: i.reps ?? null,
        durationSeconds: i.durationSeconds ?? null,
        holdSeconds: i.holdSeconds ?? null,
        timesPerDay: i.timesPerDay ?? 1,
        daysPerWeek: i.daysPerWeek ?? 5,
        side: i.side ?? "both",
        notes: i.notes ?? "",
      })),
    )
    .returning();
  return { id, items };
}

export async function logExercise(db: DbOrTx, input: { patientId: string; regimenItemId: string; logDate: string; setsDone: number }) {
  await db.insert(exerciseLogs).values({ clientId: randomUUID(), ...input });
}

export async function logDay(db: DbOrTx, input: { patientId: string; logDate: string; pain: number | null; comment?: string }) {
  await db
    .insert(dailyCheckins)
    .values({ comment: "", ...input })
    .onConflictDoNothing();
}
