import { randomUUID } from "node:crypto";
import { request as playwrightRequest } from "@playwright/test";
import { expect, storageStateOf, test } from "./fixtures/test";
import { appRoutes, concreteUrl } from "./fixtures/routes";
import { readWorld, type PersonaName } from "./fixtures/world";

/**
 * Every read of patient data is audited (issue 11): this walks every page and route handler under app/.
 * Each is either in SHOWS_PATIENT_DATA — then it is opened as a persona allowed in, with a request id of
 * our own, and the audit trail must hold an event with that request id — or in NO_PATIENT_DATA with the
 * reason. A route in neither list fails the test, so a new page has to be classified.
 */
const world = readWorld();

const SHOWS_PATIENT_DATA: Record<string, { as: PersonaName | "anonymous"; url?: string }> = {
  "/desk": { as: "staff" },
  "/desk/patients": { as: "staff", url: "/desk/patients?q=patient" },
  "/desk/patients/[id]": { as: "staff" },
  "/desk/appointments/[id]": { as: "staff" },
  "/desk/calendar": { as: "staff", url: "/desk/calendar?view=week" },
  "/desk/referrals/new": { as: "staff", url: "/desk/referrals/new?q=patient" },
  "/cases": { as: "spine_physician" },
  "/cases/[id]": { as: "nurse" },
  "/cases/[id]/regimen": { as: "physical_therapist" },
  "/cases/[id]/regimen/print": { as: "physical_therapist" },
  "/cases/conference": { as: "spine_physician" },
  "/cases/conference/[id]/print": { as: "spine_physician", url: `/cases/conference/${world.restricted.conferenceId}/print` },
  "/cases/referrals/new": { as: "spine_physician", url: "/cases/referrals/new?q=patient" },
  "/admin/audit": { as: "admin" },
  "/admin/outbox": { as: "admin" },
  "/admin/users": { as: "admin" },
  "/portal": { as: "patientA" },
  "/portal/access": { as: "patientA" },
  "/portal/plan/print": { as: "patientA" },
  "/manage/[token]": { as: "anonymous", url: world.request.managePath },
  "/waitlist/[token]": { as: "anonymous", url: world.waitlist.offerPath },
  "/desk/waitlist": { as: "staff" },
  "/desk/recall": { as: "staff" },
  "/calendar/[token]": { as: "anonymous", url: world.feedPath },
  "/manage/[token]/calendar.ics": { as: "anonymous", url: `${world.request.managePath}/calendar.ics` },
};

const NO_PATIENT_DATA: Record<string, string> = {
  "/": "services and practitioners",
  "/login": "a form",
  "/login/forgot": "a form",
  "/book": "services and times; a signed-in patient sees only their own contact details",
  "/account": "the signed-in person's own account",
  "/set-password/[token]": "greets the link's own addressee by name",
  "/verify/[token]": "a confirm button",
  "/admin": "counts",
  "/admin/services": "the clinic's services",
  "/admin/services/[id]": "a service",
  "/admin/services/new": "an empty service form",
  "/admin/locations": "locations, rooms and closures (appointments inside a closure or an inactive room are times and services, no patients)",
  "/admin/practitioners": "practitioners and their hours",
  "/admin/practitioners/[id]": "a practitioner's hours and time off, one-off and weekly (appointments inside: times and services, no patients)",
  "/admin/settings": "clinic settings",
  "/cases/exercises": "the exercise library",
  "/desk/book": "the booking form (from a patient's page, ?patient=<id>, its prefill is audited as patient.viewed)",
  "/api/health": "a database check",
  "/api/auth/[...nextauth]": "sign-in",
  "/api/v1/services": "services",
  "/api/v1/practitioners": "practitioners",
  "/api/v1/slots": "free times",
  "/api/v1/locations": "the clinic's locations",
  "/api/v1/openapi.json": "the API document",
  "/api/v1/appointment-requests": "a write (audited as appointment.requested)",
  "/api/v1/appointment-requests/[id]/verification": "a write (audited as appointment.verified)",
  "/api/portal/plan-logs": "a write of the patient's own logs",
  "/api/exercise-pictures": "a picture upload",
  "/api/exercise-pictures/[id]": "an exercise picture",
};

test("every page and handler is classified: shows patient data (audited) or not, with a reason", () => {
  const routes = [...appRoutes("page.tsx"), ...appRoutes("route.ts")];
  const unclassified = routes.filter((r) => !(r in SHOWS_PATIENT_DATA) && !(r in NO_PATIENT_DATA));
  expect(unclassified).toEqual([]);
  const gone = [...Object.keys(SHOWS_PATIENT_DATA), ...Object.keys(NO_PATIENT_DATA)].filter((r) => !routes.includes(r));
  expect(gone).toEqual([]);
});

test("every read of patient data writes an audit event", async ({ baseURL, pageAs }) => {
  test.setTimeout(180_000);
  const admin = await pageAs("admin");
  const missing: string[] = [];
  for (const [route, how] of Object.entries(SHOWS_PATIENT_DATA)) {
    const requestId = `walk-${randomUUID()}`;
    const ctx = await playwrightRequest.newContext({ baseURL, storageState: how.as === "anonymous" ? undefined : storageStateOf(how.as), maxRedirects: 0 });
    const res = await ctx.get(how.url ?? concreteUrl(world, route), { headers: { "x-request-id": requestId } });
    await ctx.dispose();
    expect(res.status(), `${route} as ${how.as}`).toBe(200);
    await admin.goto(`/admin/audit?request=${requestId}`);
    const rows = await admin.getByRole("table", { name: "Audit events" }).getByRole("row").count();
    // One header row; an audited read adds at least one more.
    if (rows < 2) missing.push(`${route} (as ${how.as})`);
  }
  expect(missing).toEqual([]);
});
