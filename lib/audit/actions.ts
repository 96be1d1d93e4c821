/**
 * Every audit action, in words: one catalog for the admin's audit trail and the patient's "who looked at
 * my record". A test fails when code records an action that is not here, so no raw code ("regimen.viewed")
 * ever reaches a screen.
 */
export const AUDIT_ACTIONS = {
  "account.disabled": { label: "Account disabled", patient: "Disabled an account" },
  "account.enabled": { label: "Account enabled", patient: "Enabled an account" },
  "account.invitation_accepted": { label: "Invitation accepted", patient: "Accepted an invitation" },
  "account.invitation_revoked": { label: "Invitation revoked", patient: "Revoked an invitation" },
  "account.invited": { label: "Team member invited", patient: "Invited a team member" },
  "account.password_changed": { label: "Password changed", patient: "Changed a password" },
  "account.password_reset": { label: "Password reset", patient: "Reset a password" },
  "account.password_reset_requested": { label: "Password reset requested", patient: "Asked for a password reset" },
  "account.portal_created": { label: "Portal account created", patient: "Set up your portal account" },
  "account.portal_invite_sent": { label: "Portal invitation sent", patient: "Sent you a portal invitation" },
  "account.signed_out_everywhere": { label: "Signed out everywhere", patient: "Signed out everywhere" },
  "action_item.completed": { label: "Action item done", patient: "Completed a task about your care" },
  "appointment.arrived": { label: "Patient arrived", patient: "Noted your arrival" },
  "appointment.viewed_by_link": { label: "Appointment opened by its link", patient: "Your appointment link was opened" },
  "appointment.calendar_downloaded": { label: "Calendar file downloaded by its link", patient: "Your appointment was added to a calendar" },
  "appointment.cancelled": { label: "Appointment cancelled", patient: "Cancelled an appointment" },
  "appointment.completed": { label: "Visit completed", patient: "Recorded your visit" },
  "appointment.expired": { label: "Unverified request expired", patient: "An unconfirmed request expired" },
  "appointment.held_for_review": { label: "Hands-on visit held for review", patient: "Put a visit on hold for a clinician's review" },
  "appointment.no_show": { label: "Marked as no-show", patient: "Recorded a missed visit" },
  "appointment.proposal_accepted": { label: "Proposed time accepted", patient: "You accepted a new time" },
  "appointment.verified": { label: "Online request verified", patient: "Your request was confirmed as yours" },
  "appointment.confirmed": { label: "Appointment confirmed", patient: "Confirmed an appointment" },
  "appointment.declined": { label: "Request declined", patient: "Declined a request" },
  "appointment.requested": { label: "Appointment requested", patient: "Your appointment request" },
  "appointment.rescheduled": { label: "Appointment moved", patient: "Moved an appointment" },
  "appointment.sent_to_review": { label: "Request sent to clinician review", patient: "Asked a clinician to review your request" },
  "appointment.time_proposed": { label: "Another time proposed", patient: "Proposed another time" },
  "audit.viewed": { label: "Audit trail viewed", patient: "Looked at the audit trail" },
  "calendar_feed.created": { label: "Calendar feed created", patient: "Created a calendar feed" },
  "calendar_feed.revoked": { label: "Calendar feed revoked", patient: "Revoked a calendar feed" },
  "case.assigned": { label: "Case lead assigned", patient: "Assigned a lead practitioner to your case" },
  "case.claimed": { label: "Case claimed", patient: "Took on your case" },
  "case.note_added": { label: "Note added", patient: "Added a note" },
  "case.note_edited": { label: "Note edited", patient: "Edited a note" },
  "case.pain_recorded": { label: "Pain score recorded", patient: "Recorded your pain score" },
  "case.psfs_recorded": { label: "Function score (PSFS) recorded", patient: "Recorded how everyday activities are going" },
  "case.red_flags_cleared": { label: "Red flags cleared", patient: "Reviewed your safety answers" },
  "case.status_changed": { label: "Case status changed", patient: "Changed your case's status" },
  "case.viewed": { label: "Case opened", patient: "Opened your case" },
  "closure.added": { label: "Location closure added", patient: "Closed a location" },
  "closure.removed": { label: "Location closure removed", patient: "Reopened a location" },
  "conference.agenda_printed": { label: "Conference agenda printed", patient: "Printed the case conference agenda" },
  "conference.agenda_viewed": { label: "Conference agenda viewed", patient: "Looked at the case conference agenda" },
  "conference.decision_recorded": { label: "Conference decision recorded", patient: "Recorded the care team's decision" },
  "conference.nominated": { label: "Nominated for the case conference", patient: "Asked the care team to discuss your case" },
  "conference.recorded": { label: "Conference recorded", patient: "Recorded a care team meeting" },
  "exercise.created": { label: "Exercise added to the library", patient: "Added an exercise to the library" },
  "exercise.picture_uploaded": { label: "Exercise picture uploaded", patient: "Added a picture to an exercise" },
  "exercise.updated": { label: "Exercise edited", patient: "Edited an exercise" },
  "patients.listed": { label: "Patients shown in a list or search", patient: "Saw you in a list of patients" },
  "patient.contact_updated": { label: "Patient contact details changed", patient: "Changed your contact details" },
  "patient.viewed": { label: "Patient details viewed", patient: "Looked at your details" },
  "red_flag.cleared": { label: "Red flag cleared", patient: "Reviewed one of your safety answers" },
  "referral.received": { label: "Referral letter recorded", patient: "Recorded a referral letter" },
  "referral.sent": { label: "Referral sent", patient: "Referred you to another service" },
  "referral.status_changed": { label: "Referral status changed", patient: "Updated a referral" },
  "regimen.assigned": { label: "Exercise plan assigned", patient: "Gave you an exercise plan" },
  "regimen.changed": { label: "Exercise plan changed", patient: "Changed your exercise plan" },
  "portal.access_log_viewed": { label: "Patient viewed who opened their record", patient: "You looked at who opened your record" },
  "portal.viewed": { label: "Patient opened their portal", patient: "You opened your portal" },
  "practitioner.created": { label: "Practitioner added", patient: "Added a practitioner" },
  "regimen.printed": { label: "Exercise plan printed", patient: "Printed your exercise plan" },
  "regimen.viewed": { label: "Exercise plan opened", patient: "Opened your exercise plan" },
  "time_off.added": { label: "Time off added", patient: "Added time off" },
  "time_off.removed": { label: "Time off removed", patient: "Removed time off" },
  "service.created": { label: "Service created", patient: "Created a service" },
  "service.updated": { label: "Service changed", patient: "Changed a service" },
  "settings.updated": { label: "Clinic settings changed", patient: "Changed the clinic's settings" },
  "working_hours.replaced": { label: "Working hours changed", patient: "Changed working hours" },
} as const satisfies Record<string, { label: string; patient: string }>;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

const known = (action: string): action is AuditAction => Object.hasOwn(AUDIT_ACTIONS, action);

/** The action in words for the clinic's audit trail; an unknown code (test data, a retired action) is said as such. */
export const auditActionLabel = (action: string) => (known(action) ? AUDIT_ACTIONS[action].label : "Other activity");

/** The action in words for the patient's own access log. */
export const auditActionForPatient = (action: string) => (known(action) ? AUDIT_ACTIONS[action].patient : "Other activity on your record");
