import { request as playwrightRequest } from "@playwright/test";
import { expect, storageStateOf, test } from "./fixtures/test";
import { readWorld, type PersonaName } from "./fixtures/world";

/**
 * Least privilege on every surface (issue 11): a massage therapist reads the precaution card, their own
 * notes and their own action items — never a physician's note, the intake's free text, referral letters,
 * conference reasons, recommendations, others' action items, the meeting's summary or the patient's
 * comments. Every page that shows the case is read as HTML; the marker that every restricted text carries
 * must not appear. The same pages read by the spine physician show it (so the walk cannot pass by
 * showing nothing).
 */
const world = readWorld();
const { caseId, conferenceId, marker, therapistAction } = world.restricted;

const SURFACES = [`/cases/${caseId}`, `/cases/${caseId}/regimen`, `/cases/${caseId}/regimen/print`, "/cases/conference", `/cases/conference/${conferenceId}/print`, "/cases?q=rhea"];

async function html(persona: PersonaName, baseURL: string, url: string) {
  const ctx = await playwrightRequest.newContext({ baseURL, storageState: storageStateOf(persona) });
  const res = await ctx.get(url);
  const body = await res.text();
  await ctx.dispose();
  expect(res.status(), `${url} as ${persona}`).toBe(200);
  return body;
}

test("a massage therapist never receives restricted text, on any surface", async ({ baseURL }) => {
  for (const url of SURFACES) expect((await html("massage_therapist", baseURL!, url)).includes(marker), url).toBe(false);
  // Their own action item is theirs to do: they read it.
  expect(await html("massage_therapist", baseURL!, `/cases/${caseId}`)).toContain(therapistAction);
});

test("the spine physician reads the same surfaces in full", async ({ baseURL }) => {
  const all = (await Promise.all(SURFACES.map((url) => html("spine_physician", baseURL!, url)))).join("\n");
  for (const what of ["physician note", "intake note", "letter", "conference reason", "recommendation", "order MRI", "meeting summary", "patient comment"]) {
    expect(all, what).toContain(`${marker} ${what}`);
  }
});

test("a massage therapist gets no form pre-filled with restricted text and cannot record a decision", async ({ pageAs }) => {
  const page = await pageAs("massage_therapist");
  await page.goto("/cases/conference");
  await expect(page.getByRole("button", { name: "Save decision" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Save attendance and summary" })).toHaveCount(0);
});

test("the case page shows 'Assign lead' only to whom the server lets assign: the lead and admins, not another practitioner", async ({ pageAs, world }) => {
  const url = `/cases/${world.conferenceCase.id}`;
  const therapist = await pageAs("massage_therapist");
  await therapist.goto(url);
  await expect(therapist.getByRole("heading", { name: "Care team" })).toBeVisible();
  await expect(therapist.getByRole("button", { name: "Assign lead" })).toHaveCount(0);
  await expect(therapist.getByText("The case's lead or an admin hands it to someone else.")).toBeVisible();
  for (const persona of ["spine_physician", "admin"] as const) {
    const page = await pageAs(persona);
    await page.goto(url);
    await expect(page.getByRole("button", { name: "Assign lead" }), persona).toBeVisible();
  }
});
