import "server-only";
import { eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { intakes, locations, patients, services, appointments } from "@/db/schema";
import { holdHandsOnVisitsForReview, transitionAppointment, type Actor } from "@/lib/appointments/commands";
import { attachRequestToCase } from "@/lib/cases/intake";
import { getClinicSettings } from "@/lib/cases/settings";
import { enqueueEmail } from "@/lib/notifications/outbox";
import { heldForReviewEmail, requestReceivedEmail } from "@/lib/notifications/templates";
import { localDate } from "@/lib/time";
import { assessTriage } from "@/lib/triage/assess";
import { nextStepFor, triageBooking, type BookingTriage } from "@/lib/triage/booking";
import { asRedFlagCodes } from "@/lib/triage/red-flags";
import { factsOf, loadAppointmentDetails } from "./facts";

export interface JoinedRequest {
  status: "requested" | "confirmed";
  triage: BookingTriage & { nextStep: string };
}

/**
 * A request of a known patient joins their record and is routed — the one way, whether it was made by
 * the patient signed in, by the desk, or by someone who has just proved their email: the request joins the
 * patient's open case (its flags become theirs, its pain score joins the trend), new flags put their
 * upcoming confirmed hands-on visits back for review, and the lifecycle's "route" move decides whether it
 * is confirmed — the hands-on gate seeing the whole record. Emails the outcome.
 */
export async function joinRecordAndRoute(tx: Tx, input: { appointmentId: string; actor: Actor | null; baseUrl: string; now: Date }): Promise<JoinedRequest> {
  const [row] = await tx
    .select({
      patientId: appointments.patientId,
      discipline: services.discipline,
      needsReview: services.needsReview,
      timeZone: locations.timeZone,
      createdAt: appointments.createdAt,
      painStartedOn: intakes.painStartedOn,
      painScore: intakes.painScore,
      redFlags: intakes.redFlags,
      ownPriority: intakes.priority,
      patientName: patients.fullName,
      patientEmail: patients.email,
    })
    .from(appointments)
    .innerJoin(services, eq(services.id, appointments.serviceId))
    .innerJoin(locations, eq(locations.id, appointments.locationId))
    .innerJoin(patients, eq(patients.id, appointments.patientId))
    .innerJoin(intakes, eq(intakes.appointmentId, appointments.id))
    .where(eq(appointments.id, input.appointmentId));
  if (!row) throw new Error(`appointment ${input.appointmentId} has no intake`);
  const redFlags = asRedFlagCodes(row.redFlags);
  const assessment = assessTriage({
    redFlags,
    painStartedOn: row.painStartedOn,
    requestedOn: localDate(row.createdAt, row.timeZone),
    service: { discipline: row.discipline, needsReview: row.needsReview },
    thresholds: await getClinicSettings(tx),
  });
  const { newlyUncleared } = await attachRequestToCase(tx, {
    patientId: row.patientId,
    appointmentId: input.appointmentId,
    triage: assessment,
    painScore: row.painScore,
    painStartedOn: row.painStartedOn,
    discipline: row.discipline,
    searchText: `${row.patientName} ${row.patientEmail}`,
  });
  const held = newlyUncleared.length ? await holdHandsOnVisitsForReview(tx, { patientId: row.patientId, actor: input.actor, now: input.now, exceptAppointmentId: input.appointmentId }) : [];
  const routed = await transitionAppointment(tx, { appointmentId: input.appointmentId, move: "route", actor: input.actor });
  const triage = triageBooking({ redFlags, blockers: routed.blockers });
  if (triage.priority !== row.ownPriority) await tx.update(intakes).set({ priority: triage.priority }).where(eq(intakes.appointmentId, input.appointmentId));
  const nextStep = nextStepFor({ status: routed.to, showEmergencyAdvice: triage.showEmergencyAdvice, heldBecause: routed.heldBecause });

  const details = (await loadAppointmentDetails(tx, input.appointmentId))!;
  await enqueueEmail(tx, {
    kind: "request_received",
    to: details.patientEmail,
    content: requestReceivedEmail(factsOf(details, input.baseUrl), nextStep),
    appointmentId: input.appointmentId,
    dedupeKey: `request_received:${input.appointmentId}`,
  });
  for (const id of held) {
    const heldDetails = (await loadAppointmentDetails(tx, id))!;
    await enqueueEmail(tx, { kind: "held_for_review", to: heldDetails.patientEmail, content: heldForReviewEmail(factsOf(heldDetails, input.baseUrl)), appointmentId: id, dedupeKey: null });
  }
  return { status: routed.to as "requested" | "confirmed", triage: { ...triage, nextStep } };
}
