import { formatDateTime } from "@/lib/time";
import { describeTimeZone } from "@/lib/time";
import { escapeHtml } from "./html";

/** The emails Backline sends, as plain text and escaped HTML. Content: what a patient needs, nothing clinical. */

export interface AppointmentFacts {
  patientName: string;
  serviceName: string;
  practitionerName: string;
  startsAt: Date;
  timeZone: string;
  locationName: string;
  locationAddress: string;
  status: "requested" | "confirmed" | "cancelled" | "completed" | "no_show";
  manageUrl: string;
  clinicName: string;
  emergencyNumber: string;
}

export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

function render(title: string, lines: string[], facts: AppointmentFacts, action?: { label: string; url: string }): EmailContent {
  const when = formatDateTime(facts.startsAt, facts.timeZone);
  const details = [
    `What: ${facts.serviceName}`,
    `With: ${facts.practitionerName}`,
    `When: ${when} (${describeTimeZone(facts.timeZone, facts.startsAt)})`,
    `Where: ${facts.locationName}, ${facts.locationAddress}`,
  ];
  const text = [
    `Hello ${facts.patientName},`,
    "",
    ...lines,
    "",
    ...details,
    "",
    ...(action ? [`${action.label}: ${action.url}`, ""] : []),
    facts.clinicName,
    `In an emergency call ${facts.emergencyNumber}.`,
  ].join("\n");
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#1c2430">
<p>Hello ${escapeHtml(facts.patientName)},</p>
${lines.map((l) => `<p>${escapeHtml(l)}</p>`).join("\n")}
<ul>${details.map((d) => `<li>${escapeHtml(d)}</li>`).join("")}</ul>
${action ? `<p><a href="${escapeHtml(action.url)}">${escapeHtml(action.label)}</a></p>` : ""}
<p style="color:#5b6472">${escapeHtml(facts.clinicName)}. In an emergency call ${escapeHtml(facts.emergencyNumber)}.</p>
</body></html>`;
  return { subject: title, text, html };
}

export function requestReceivedEmail(facts: AppointmentFacts, nextStep: string): EmailContent {
  const confirmed = facts.status === "confirmed";
  return render(
    confirmed ? `Confirmed: ${facts.serviceName}` : `Request received: ${facts.serviceName}`,
    [confirmed ? "Your appointment is confirmed." : "We have your request. It is not confirmed yet.", nextStep],
    facts,
    { label: "See, change or cancel your appointment, or add it to your calendar", url: facts.manageUrl },
  );
}

export function changedEmail(facts: AppointmentFacts): EmailContent {
  return render(`Changed: ${facts.serviceName}`, ["Your appointment has a new time."], facts, {
    label: "See, change or cancel your appointment",
    url: facts.manageUrl,
  });
}

export function cancelledEmail(facts: AppointmentFacts): EmailContent {
  return render(`Cancelled: ${facts.serviceName}`, ["Your appointment is cancelled. The time is free for someone else."], facts);
}

export function reminderEmail(facts: AppointmentFacts): EmailContent {
  return render(`Reminder: ${facts.serviceName} tomorrow`, ["A reminder of your appointment tomorrow."], facts, {
    label: "See, change or cancel your appointment",
    url: facts.manageUrl,
  });
}

export function confirmedEmail(facts: AppointmentFacts): EmailContent {
  return render(`Confirmed: ${facts.serviceName}`, ["Good news: the clinic has confirmed your appointment."], facts, {
    label: "See, change or cancel your appointment, or add it to your calendar",
    url: facts.manageUrl,
  });
}

export function heldForReviewEmail(facts: AppointmentFacts): EmailContent {
  return render(
    `Needs review: ${facts.serviceName}`,
    [
      "Because of what you told us in your latest request, a clinician reviews your answers before this treatment goes ahead.",
      "Your time is kept for you. We will call or email you, usually within one working day.",
    ],
    facts,
    { label: "See or cancel your appointment", url: facts.manageUrl },
  );
}

export function declinedEmail(facts: AppointmentFacts, reason: string): EmailContent {
  return render(`We could not book: ${facts.serviceName}`, ["We are sorry: the clinic could not accept this request.", `Reason: ${reason}`, "Please call us to find the right care."], facts);
}

export function proposalEmail(facts: AppointmentFacts, proposed: string): EmailContent {
  return render(`A new time for your ${facts.serviceName}`, [`The clinic proposes a new time: ${proposed}.`, "Open the link to accept it, or choose another time."], facts, {
    label: "Accept the new time or choose another",
    url: facts.manageUrl,
  });
}

/** Not about an appointment: a short note that a home exercise plan is ready in the portal. */
export function regimenEmail(input: { patientName: string; title: string; practitionerName: string; portalUrl: string; changed: boolean; clinicName: string }): EmailContent {
  const lines = [
    `Hello ${input.patientName},`,
    "",
    input.changed ? `${input.practitionerName} has updated your home exercise plan “${input.title}”.` : `${input.practitionerName} has given you a home exercise plan: “${input.title}”.`,
    "Sign in to see today's exercises, mark what you did and tell us how your back feels.",
    "",
    `Your plan: ${input.portalUrl}`,
    "",
    input.clinicName,
  ];
  return {
    subject: input.changed ? "Your exercise plan was updated" : "Your home exercise plan",
    text: lines.join("\n"),
    html: `<!doctype html><html><body style="font-family:system-ui,sans-serif">${lines.map((l) => (l ? `<p>${escapeHtml(l)}</p>` : "")).join("")}</body></html>`,
  };
}

/** The code (and link) that proves an online request came from the owner of this address. */
export function verifyRequestEmail(facts: AppointmentFacts, input: { code: string; link: string; minutes: number; emergencyAdvice?: string }): EmailContent {
  return render(
    `Your Backline code: ${input.code}`,
    [
      ...(input.emergencyAdvice ? [input.emergencyAdvice] : []),
      `Someone — we hope you — asked for this appointment with this email address. To send the request, enter the code ${input.code} where you booked, or open the link below.`,
      `The time is kept for ${input.minutes} minutes. If it was not you, ignore this email: nothing is booked and nothing about you changes.`,
    ],
    facts,
    { label: "Confirm it was me", url: input.link },
  );
}

/** /book: the code a visitor types before sending their request. */
export function bookingCodeEmail(input: { code: string; minutes: number; clinicName: string }): EmailContent {
  const lines = [
    "Hello,",
    "",
    `Your code to send a booking request to Backline: ${input.code}`,
    `It works for ${input.minutes} minutes. If you did not ask for it, ignore this email.`,
    "",
    input.clinicName,
  ];
  return {
    subject: `Your Backline code: ${input.code}`,
    text: lines.join("\n"),
    html: `<!doctype html><html><body style="font-family:system-ui,sans-serif">${lines.map((l) => (l ? `<p>${escapeHtml(l)}</p>` : "")).join("")}</body></html>`,
  };
}

/** Not about an appointment: a single-use link to choose a password (portal setup, invitation, reset). */
export function accountLinkEmail(input: {
  purpose: "portal_setup" | "password_reset" | "staff_invite";
  name: string;
  url: string;
  /** "7 days", "60 minutes" */
  validFor: string;
  /** Invitations: "Front desk", "Practitioner (Physical therapist)" ... */
  roleLabel?: string;
  clinicName: string;
}): EmailContent {
  const copy = {
    portal_setup: {
      subject: "Set up your Backline patient portal",
      lines: ["You can now see your appointments and your home exercise plan online, in the Backline patient portal.", "Choose a password to set up your account:"],
      after: "If you did not book with us, you can ignore this email: no account is made without the link.",
      label: "Choose a password",
    },
    staff_invite: {
      subject: "You are invited to Backline",
      lines: [`You are invited to join the clinic's Backline team as ${input.roleLabel ?? "a team member"}.`, "Choose your password to set up your account:"],
      after: "If you were not expecting this, you can ignore this email.",
      label: "Accept the invitation",
    },
    password_reset: {
      subject: "Reset your Backline password",
      lines: ["Someone — we hope you — asked to reset the password of your Backline account.", "Choose a new password here; when you do, you are signed out everywhere else:"],
      after: "If it was not you, ignore this email: your password stays as it is.",
      label: "Choose a new password",
    },
  }[input.purpose];
  const lines = [`Hello ${input.name},`, "", ...copy.lines, "", input.url, "", `The link works once, for ${input.validFor}.`, copy.after, "", input.clinicName];
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#1c2430">
<p>Hello ${escapeHtml(input.name)},</p>
${copy.lines.map((l) => `<p>${escapeHtml(l)}</p>`).join("\n")}
<p><a href="${escapeHtml(input.url)}">${escapeHtml(copy.label)}</a></p>
<p>The link works once, for ${escapeHtml(input.validFor)}. ${escapeHtml(copy.after)}</p>
<p style="color:#5b6472">${escapeHtml(input.clinicName)}</p>
</body></html>`;
  return { subject: copy.subject, text: lines.join("\n"), html };
}

/** A plan of care booked as a series: the first visit's details and every date, each on the location's clock. */
export function seriesBookedEmail(first: AppointmentFacts, visits: readonly Date[]): EmailContent {
  return render(
    `Your plan of care: ${visits.length} visits for ${first.serviceName}`,
    [
      `The clinic has booked ${visits.length} visits for you:`,
      ...visits.map((v) => `• ${formatDateTime(v, first.timeZone)}`),
      "Each visit can be changed or cancelled on its own (the link below is for the first one; every visit is in your portal).",
    ],
    first,
    { label: "See, change or cancel the first visit", url: first.manageUrl },
  );
}

/** The rest of a plan of care cancelled at once: one email naming every visit cancelled. */
export function seriesCancelledEmail(first: AppointmentFacts, visits: readonly Date[]): EmailContent {
  return render(
    `Cancelled: ${visits.length} visits of your plan for ${first.serviceName}`,
    [
      "The clinic has cancelled these visits of your plan of care:",
      ...visits.map((v) => `• ${formatDateTime(v, first.timeZone)}`),
      "Earlier visits are not affected. Please call us to plan what comes next.",
    ],
    first,
  );
}

/** A freed time offered from the waitlist: held until `expiresAt`, accepted or declined by the link. */
export function waitlistOfferEmail(offer: AppointmentFacts, expiresAt: Date): EmailContent {
  return render(
    `A time opened up: ${offer.serviceName} on ${formatDateTime(offer.startsAt, offer.timeZone)}`,
    [
      "A time you were waiting for is free. We are holding it for you:",
      `It is yours if you accept it by ${formatDateTime(expiresAt, offer.timeZone)}. After that we offer it to the next person on the list (you stay on it).`,
      "Not for you? Open the link and choose “No thanks”: you stay on the list for another time.",
    ],
    offer,
    { label: "Accept or decline this time", url: offer.manageUrl },
  );
}
