import { readFileSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";
import { request as playwrightRequest } from "@playwright/test";
import { AREA_ROLES, areaOf, type Role } from "@/lib/auth/roles";
import { expect, storageStateOf, test } from "./fixtures/test";
import { appRoutes, concreteUrl } from "./fixtures/routes";
import { readWorld, type PersonaName } from "./fixtures/world";

/**
 * The authorization matrix, against the running production build: every page, server action and route
 * handler under app/ (found on disk and in Next's server-action manifest) as anonymous, patient A,
 * patient B, front desk, each practitioner discipline and admin. Pages outside public areas redirect
 * anonymous visitors to /login and show other roles a 403; actions answer unauthenticated/forbidden;
 * handlers answer 401 JSON. Then the data-level rules: A never sees B's data, a massage therapist never
 * sees a physician's note.
 */

const world = readWorld();
const PERSONAS: Array<PersonaName | "anonymous"> = ["anonymous", "patientA", "patientB", "staff", "spine_physician", "chiropractor", "physical_therapist", "massage_therapist", "nurse", "admin"];
const roleOf = (p: PersonaName | "anonymous"): Role | null => (p === "anonymous" ? null : world.accounts[p as PersonaName].role);

const PUBLIC_PAGES = new Set(["/", "/login", "/login/forgot", "/book"]);
const PUBLIC_HANDLERS = new Set([
  "/api/health",
  "/api/auth/[...nextauth]",
  "/api/v1/services",
  "/api/v1/practitioners",
  "/api/v1/locations",
  "/api/v1/slots",
  "/api/v1/appointment-requests",
  "/api/v1/appointment-requests/[id]/verification",
  "/api/v1/openapi.json",
]);
/** Public, but only with a signed token in the path: a forged one gets nothing. */
const TOKEN_GATED = new Set(["/waitlist/[token]", "/manage/[token]", "/manage/[token]/calendar.ics", "/calendar/[token]", "/set-password/[token]", "/verify/[token]"]);

/** Who may call each server action (checked at the gate; finer rules such as "only the author" sit behind it). */
const ACTION_ROLES: Record<string, readonly Role[] | "public"> = {
  "lib/auth/actions.ts#signInAction": "public",
  "lib/auth/actions.ts#signOutAction": "public",
  "lib/auth/actions.ts#changePasswordAction": ["patient", "staff", "practitioner", "admin"],
  "lib/auth/actions.ts#signOutEverywhereAction": ["patient", "staff", "practitioner", "admin"],
  "lib/clinic/actions.ts#updateServiceAction": ["admin"],
  "lib/clinic/actions.ts#saveWeeklyHoursAction": ["admin"],
  "lib/accounts/actions.ts#setUserDisabledAction": ["admin"],
  "lib/calendar/actions.ts#createFeedAction": ["practitioner"],
  "lib/clinic/actions.ts#createServiceAction": ["admin"],
  "lib/clinic/actions.ts#addTimeOffAction": ["admin"],
  "lib/clinic/actions.ts#removeTimeOffAction": ["admin"],
  "lib/clinic/actions.ts#addClosureAction": ["admin"],
  "lib/clinic/actions.ts#removeClosureAction": ["admin"],
  "lib/clinic/actions.ts#createPractitionerAction": ["admin"],
  "lib/clinic/actions.ts#addRecurringTimeOffAction": ["admin"],
  "lib/clinic/actions.ts#removeTimeOffSeriesAction": ["admin"],
  "lib/rooms/actions.ts#addRoomAction": ["admin"],
  "lib/rooms/actions.ts#renameRoomAction": ["admin"],
  "lib/rooms/actions.ts#setRoomActiveAction": ["admin"],
  "lib/calendar/actions.ts#revokeFeedAction": ["practitioner"],
  "lib/accounts/actions.ts#inviteStaffAction": ["admin"],
  "lib/accounts/actions.ts#revokeInvitationAction": ["admin"],
  "lib/accounts/actions.ts#sendPortalInviteAction": ["staff", "admin"],
  "lib/accounts/actions.ts#requestPasswordResetAction": "public",
  "lib/accounts/actions.ts#setPasswordAction": "public",
  "lib/cases/settings-actions.ts#saveSettingsAction": ["admin"],
  "lib/booking/actions.ts#requestAppointmentAction": "public",
  "lib/booking/actions.ts#cancelByTokenAction": "public",
  "lib/booking/actions.ts#rescheduleByTokenAction": "public",
  "lib/booking/actions.ts#acceptProposalByTokenAction": "public",
  "lib/booking/actions.ts#bookForPatientAction": ["staff", "admin"],
  "lib/verification/actions.ts#sendBookingCodeAction": "public",
  "lib/verification/actions.ts#verifyByTokenAction": "public",
  "lib/verification/actions.ts#verifyByLinkAction": "public",
  "lib/verification/actions.ts#verifyByDeskAction": ["staff", "admin"],
  "lib/cases/actions.ts#claimCaseAction": ["practitioner"],
  "lib/cases/actions.ts#assignCaseAction": ["practitioner", "admin"],
  "lib/cases/actions.ts#transitionCaseAction": ["practitioner", "admin"],
  "lib/cases/actions.ts#addNoteAction": ["practitioner"],
  "lib/cases/actions.ts#editNoteAction": ["practitioner"],
  "lib/cases/actions.ts#recordPainScoreAction": ["practitioner"],
  "lib/cases/actions.ts#recordPsfsAction": ["practitioner"],
  "lib/red-flags/actions.ts#clearRedFlagAction": ["practitioner"],
  "lib/conference/actions.ts#nominateCaseAction": ["practitioner"],
  "lib/conference/actions.ts#recordDecisionAction": ["practitioner"],
  "lib/conference/actions.ts#recordMeetingAction": ["practitioner"],
  "lib/conference/actions.ts#completeActionItemAction": ["practitioner", "admin"],
  "lib/referrals/actions.ts#receiveReferralAction": ["practitioner", "staff", "admin"],
  "lib/referrals/actions.ts#sendReferralAction": ["practitioner"],
  "lib/referrals/actions.ts#updateReferralStatusAction": ["practitioner"],
  "lib/desk/actions.ts#confirmRequestAction": ["staff", "admin"],
  "lib/desk/actions.ts#declineRequestAction": ["staff", "admin"],
  "lib/desk/actions.ts#sendToReviewAction": ["staff", "admin"],
  "lib/desk/actions.ts#proposeTimeAction": ["staff", "admin"],
  "lib/desk/actions.ts#markVisitAction": ["staff", "admin"],
  "lib/desk/actions.ts#staffCancelAction": ["staff", "admin"],
  "lib/desk/actions.ts#staffMoveAction": ["staff", "admin"],
  "lib/series/actions.ts#checkSeriesAction": ["staff", "admin", "practitioner"],
  "lib/series/actions.ts#bookSeriesAction": ["staff", "admin", "practitioner"],
  "lib/series/actions.ts#cancelRestOfSeriesAction": ["staff", "admin"],
  "lib/series/actions.ts#endSeriesAction": ["staff", "admin"],
  "lib/waitlist/actions.ts#joinWaitlistAction": "public",
  "lib/waitlist/actions.ts#joinWaitlistByLinkAction": "public",
  "lib/waitlist/actions.ts#acceptOfferAction": "public",
  "lib/waitlist/actions.ts#declineOfferAction": "public",
  "lib/waitlist/actions.ts#leaveByOfferAction": "public",
  "lib/waitlist/actions.ts#joinWaitlistForPatientAction": ["staff", "admin"],
  "lib/waitlist/actions.ts#leaveWaitlistAction": ["staff", "admin"],
  "lib/patients/actions.ts#updatePatientContactAction": ["staff", "admin"],
  "lib/regimens/actions.ts#saveRegimenAction": ["practitioner"],
  "lib/regimens/actions.ts#saveTemplateAction": ["practitioner"],
  "lib/regimens/actions.ts#saveExerciseAction": ["practitioner", "admin"],
};

const concrete = (route: string) => (route === "/manage/[token]" ? route.replace("[token]", "00000000-0000-4000-8000-000000000000") : concreteUrl(world, route));
const pages = appRoutes("page.tsx");
const handlers = appRoutes("route.ts");

const contexts = new Map<string, APIRequestContext>();
async function as(persona: PersonaName | "anonymous", baseURL: string): Promise<APIRequestContext> {
  let ctx = contexts.get(persona);
  if (!ctx) {
    ctx = await playwrightRequest.newContext({ baseURL, storageState: persona === "anonymous" ? undefined : storageStateOf(persona), maxRedirects: 0 });
    contexts.set(persona, ctx);
  }
  return ctx;
}
test.afterAll(async () => {
  for (const ctx of contexts.values()) await ctx.dispose();
  contexts.clear();
});

test("the enumeration finds the app's pages, handlers and actions", () => {
  expect(pages).toEqual(expect.arrayContaining(["/", "/login", "/portal", "/desk", "/cases", "/cases/[id]", "/admin", "/admin/audit"]));
  expect(handlers).toEqual(expect.arrayContaining(["/api/health", "/api/v1/appointment-requests"]));
});

for (const route of pages.filter((p) => !PUBLIC_PAGES.has(p) && !TOKEN_GATED.has(p))) {
  test(`page ${route}: every persona`, async ({ baseURL }) => {
    const area = areaOf(route);
    expect(area, `${route} is neither public nor in an area of lib/auth/roles.ts`).not.toBeNull();
    const allowed = AREA_ROLES[area!] as readonly Role[];
    const url = concrete(route);
    for (const persona of PERSONAS) {
      const res = await (await as(persona, baseURL!)).get(url);
      const role = roleOf(persona);
      if (!role) {
        expect(res.status(), `${route} anonymous`).toBe(307);
        expect(res.headers().location).toContain(`/login?next=${encodeURIComponent(url)}`);
      } else if (allowed.includes(role)) {
        expect(res.status(), `${route} as ${persona}`).toBe(200);
      } else {
        expect(res.status(), `${route} as ${persona}`).toBe(403);
        expect(await res.text()).toContain("This area is not part of your account");
      }
    }
  });
}

for (const route of handlers.filter((h) => !PUBLIC_HANDLERS.has(h) && !TOKEN_GATED.has(h))) {
  test(`handler ${route} refuses anonymous callers with 401 JSON`, async ({ baseURL }) => {
    for (const method of ["GET", "POST"] as const) {
      const res = await (await as("anonymous", baseURL!)).fetch(concrete(route), { method, failOnStatusCode: false });
      if (res.status() === 405) continue;
      expect(res.status(), `${method} ${route}`).toBe(401);
      expect((await res.json()).error.code).toBe("unauthenticated");
    }
  });
}

for (const route of [...pages, ...handlers].filter((r) => TOKEN_GATED.has(r))) {
  test(`${route} shows nothing for a forged token`, async ({ baseURL }) => {
    const forged = route.replace("[token]", "00000000-0000-4000-8000-000000000000.Zm9yZ2VkZm9yZ2VkZm9yZ2VkZm9yZ2VkZm9yZ2VkZm9yZ2Vk");
    const res = await (await as("anonymous", baseURL!)).get(forged);
    const text = await res.text();
    expect(text).not.toContain("BEGIN:VEVENT");
    if (route.endsWith(".ics") || route.startsWith("/calendar")) expect(res.status()).toBe(404);
    else expect(text).toContain("This link no longer works");
  });
}

// Server actions, straight over HTTP the way the browser calls them.
const manifest = JSON.parse(readFileSync(path.resolve(import.meta.dirname, "..", ".next/server/server-reference-manifest.json"), "utf8")) as {
  node: Record<string, { filename: string; exportedName: string; workers: Record<string, unknown> }>;
};
const actions = Object.entries(manifest.node).map(([id, a]) => ({ id, key: `${a.filename}#${a.exportedName}`, page: Object.keys(a.workers)[0]! }));

test("every server action is declared in the matrix", () => {
  expect(actions.length).toBeGreaterThan(20);
  for (const a of actions) expect(ACTION_ROLES[a.key], `${a.key} is missing from ACTION_ROLES`).toBeDefined();
});

for (const action of actions.filter((a) => ACTION_ROLES[a.key] !== "public")) {
  test(`action ${action.key}: every persona`, async ({ baseURL }) => {
    const allowed = ACTION_ROLES[action.key] as readonly Role[];
    const pagePath = action.page.replace(/^app/, "").replace(/\/page$/, "") || "/";
    for (const persona of PERSONAS) {
      const res = await (
        await as(persona, baseURL!)
      ).post(concrete(pagePath.startsWith("/_not-found") ? "/" : pagePath), {
        headers: { "Next-Action": action.id, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" },
        data: "[null,{}]",
      });
      const body = await res.text();
      const code = /"code":"([a-z_]+)"/.exec(body)?.[1];
      const role = roleOf(persona);
      if (!role) expect(code, `${action.key} anonymous`).toBe("unauthenticated");
      else if (allowed.includes(role)) expect(["unauthenticated", "forbidden"], `${action.key} as ${persona}: ${body.slice(0, 200)}`).not.toContain(code);
      else expect(code, `${action.key} as ${persona}`).toBe("forbidden");
    }
  });
}

test("patient B never sees patient A's record, and the reverse", async ({ baseURL }) => {
  const b = await as("patientB", baseURL!);
  for (const url of ["/portal", "/portal/access", "/portal/plan/print", "/account"]) {
    const text = await (await b.get(url)).text();
    expect(text, url).not.toContain(world.caseA.patientName);
  }
  expect((await b.get(`/cases/${world.caseA.id}`)).status()).toBe(403);
  expect((await b.get(`/desk/patients/${world.caseA.patientId}`)).status()).toBe(403);
  const a = await as("patientA", baseURL!);
  expect(await (await a.get("/portal")).text()).not.toContain(world.patientB.name);
});

test("a massage therapist sees the precaution card, never a physician's note", async ({ baseURL }) => {
  const massage = await (await (await as("massage_therapist", baseURL!)).get(`/cases/${world.caseA.id}`)).text();
  expect(massage).toContain("Precaution card");
  expect(massage).toContain("Fragile bones");
  expect(massage).toContain(world.caseA.massageNote);
  expect(massage).not.toContain(world.caseA.physicianNote);
  const physician = await (await (await as("spine_physician", baseURL!)).get(`/cases/${world.caseA.id}`)).text();
  expect(physician).toContain(world.caseA.physicianNote);
  // The conference page names the same patients: why they are discussed is for the clinicians.
  const agendaFor = async (persona: "massage_therapist" | "spine_physician") => (await (await as(persona, baseURL!)).get("/cases/conference")).text();
  expect(await agendaFor("spine_physician")).toContain("Low bone density");
  const massageAgenda = await agendaFor("massage_therapist");
  expect(massageAgenda).toContain("Discussed by the clinical team");
  expect(massageAgenda).not.toContain("Low bone density");
});
