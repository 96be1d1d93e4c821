import type { Page } from "@playwright/test";
import { RED_FLAGS } from "@/lib/triage/red-flags";
import { emailedCode, expect, test } from "./fixtures/test";

async function answerIntake(page: Page, yes: string[] = []) {
  await page.getByLabel("When did this pain start?").fill("2026-10-01");
  await page.getByRole("radio", { name: "6 out of 10" }).check({ force: true });
  await page.getByLabel("What makes it worse? (optional)").fill("Sitting at my desk");
  for (const flag of RED_FLAGS) {
    await page
      .getByRole("group", { name: flag.question })
      .getByLabel(yes.includes(flag.code) ? "Yes" : "No")
      .check();
  }
}

/** The contact step, not signed in: the details, then the code emailed to the address (read from the outbox). */
async function fillContact(page: Page, name: string, admin: Page) {
  const email = `${name.toLowerCase().replaceAll(" ", ".")}@example.test`;
  await page.getByLabel("Full name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Phone").fill("+1 212 555 0123");
  await page.getByLabel("Date of birth").fill("1985-04-12");
  await page.getByRole("button", { name: "Email me a code" }).click();
  await expect(page.getByRole("status").filter({ hasText: `We sent a code to ${email}` })).toBeVisible();
  await page.getByLabel("6-digit code").fill(await emailedCode(admin, email));
}

async function pickFirstTime(page: Page) {
  await expect(page.getByText("Times are in")).toContainText("Eastern");
  await page
    .getByRole("group", { name: /^Time on/ })
    .getByRole("button")
    .first()
    .click();
  await expect(page.getByRole("status").filter({ hasText: "Chosen:" })).toBeVisible();
}

const next = (page: Page) => page.getByRole("button", { name: "Continue" }).click();

/** A name of this project's own (the phone project runs the same journeys), so desk look-ups find one person. */
const person = (name: string) => `${name} ${test.info().project.name === "phone" ? "Phone" : "Desktop"}`;

/** From step 2 (practitioner) to step 5 (contact): the practitioner, the first free time, no red flags. */
async function throughIntake(page: Page, practitionerName: string) {
  await page.getByRole("radio", { name: practitionerName }).check();
  await next(page);
  await pickFirstTime(page);
  await next(page);
  await answerIntake(page);
  await next(page);
}

test.describe("booking", () => {
  test("a new patient books a massage from the home page with the emailed code and gets it confirmed", async ({ page, world, pageAs }) => {
    const { name, practitionerName } = world.booking.massage;
    await page.goto("/");
    await page.getByRole("link", { name: `Book ${name}` }).click();
    await expect(page.getByRole("heading", { name: /Step 2 of 6/ })).toBeVisible();
    await throughIntake(page, practitionerName);
    await fillContact(page, person("Robin Massage"), await pageAs("admin"));
    await next(page);
    await expect(page.getByRole("heading", { name: /Step 6 of 6: Review/ })).toBeVisible();
    await page.getByRole("button", { name: "Book appointment" }).click();

    await expect(page.getByRole("heading", { name: "You're booked" })).toBeVisible();
    await expect(page.getByText("Confirmed", { exact: true })).toBeVisible();
    await expect(page.getByText(practitionerName)).toBeVisible();
    // Whoever holds the link sees the appointment, not the patient record's name (an anonymous request is
    // matched to an existing patient by email and date of birth, which others may know).
    await expect(page.getByText(person("Robin Massage"))).toHaveCount(0);
    const ics = await page.request.get(`${new URL(page.url()).pathname}/calendar.ics`);
    expect(ics.headers()["content-type"]).toContain("text/calendar");
    expect(await ics.text()).toContain("BEGIN:VEVENT");
  });

  test("a connection lost at the last step keeps everything, and trying again books once", async ({ page, world, pageAs }) => {
    const { slug, practitionerName } = world.booking.offline;
    await page.goto(`/book?service=${slug}`);
    await throughIntake(page, practitionerName);
    await fillContact(page, person("Casey Offline"), await pageAs("admin"));
    await next(page);
    // The server action's request never arrives.
    await page.route("**/*", (route) => (route.request().method() === "POST" && route.request().headers()["next-action"] ? route.abort("internetdisconnected") : route.fallback()));
    await page.getByRole("button", { name: "Book appointment" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "We could not reach the clinic" })).toBeVisible();
    await expect(page.getByRole("heading", { name: /Step 6 of 6: Review/ })).toBeVisible();
    await page.unroute("**/*");
    await page.getByRole("button", { name: "Book appointment" }).click();
    await expect(page.getByRole("heading", { name: "You're booked" })).toBeVisible();
    // One appointment for Casey, not two.
    const desk = await pageAs("staff");
    await desk.goto(`/desk/patients?q=${encodeURIComponent(person("Casey Offline"))}`);
    await desk.getByRole("link", { name: new RegExp(person("Casey Offline")) }).click();
    await expect(desk.getByRole("region", { name: "Upcoming visits" }).getByRole("listitem").filter({ hasText: world.booking.offline.name })).toHaveCount(1);
  });

  test("a signed-in patient books without a code; their details come from their record and are not offered for edits that would be dropped", async ({ pageAs, world }) => {
    const { slug, practitionerName } = world.booking.cancel;
    const page = await pageAs("patientA");
    await page.goto(`/book?service=${slug}`);
    await throughIntake(page, practitionerName);
    await expect(page.getByText("These are the details on your record")).toBeVisible();
    for (const label of ["Full name", "Email", "Phone", "Date of birth"]) await expect(page.getByLabel(label)).not.toBeEditable();
    await expect(page.getByLabel("Email")).not.toHaveValue("");
    // Signed in, they are who they say: no code to ask for; the request joins their record at once, and
    // their uncleared osteoporosis flag holds this massage for a clinician (the hands-on gate).
    await expect(page.getByRole("button", { name: "Email me a code" })).toHaveCount(0);
    await next(page);
    await page.getByRole("button", { name: /Book appointment|Send request/ }).click();
    await expect(page.getByRole("heading", { name: "Request received" })).toBeVisible();
    await expect(page.getByText("Requested", { exact: true })).toBeVisible();
  });

  test("an emergency answer shows advice at once and reaches the front desk as an emergency", async ({ page, pageAs, world }) => {
    const { slug, practitionerName } = world.booking.redFlag;
    await page.goto(`/book?service=${slug}`);
    await page.getByRole("radio", { name: practitionerName }).check();
    await next(page);
    await pickFirstTime(page);
    await next(page);
    const question = page.getByRole("group", { name: "Numbness around your groin, buttocks or inner thighs?" });
    await question.getByLabel("Yes").check();
    // At the question, where the patient is looking (on a phone too), announced, and true at that moment.
    const advice = question.getByRole("alert").filter({ hasText: "Please seek emergency care now" });
    await expect(advice).toBeVisible();
    await expect(advice).toBeInViewport();
    await expect(advice).toContainText("Nothing has been sent to the clinic yet");
    await expect(advice).not.toContainText("We have passed your request");
    await expect(advice.getByRole("link", { name: "Call 911 now" })).toHaveAttribute("href", "tel:911");
    await answerIntake(page, ["saddle_numbness"]);
    await next(page);
    // No code: an emergency request reaches the desk at once, unverified.
    await page.getByLabel("Full name").fill(person("Sasha Urgent"));
    await page.getByLabel("Email").fill(`${person("Sasha Urgent").toLowerCase().replaceAll(" ", ".")}@example.test`);
    await page.getByLabel("Phone").fill("+1 212 555 0123");
    await page.getByLabel("Date of birth").fill("1985-04-12");
    await next(page);
    await page.getByRole("button", { name: "Send request" }).click();
    await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
    await expect(page.getByRole("alert").filter({ hasText: "call 911" })).toBeVisible();

    const desk = await pageAs("staff");
    await desk.goto("/desk");
    const card = desk.getByLabel(`Request from ${person("Sasha Urgent")}`);
    await expect(card).toContainText("Emergency");
    await expect(card).toContainText("The patient was shown this advice");
    await expect(card).toContainText("Unverified online request");
    await expect(card.getByRole("link", { name: "+1 212 555 0123" })).toHaveAttribute("href", "tel:+12125550123");
    // Emergencies are pinned to the top of the list.
    await expect(desk.getByRole("list", { name: "Requests to review" }).getByRole("listitem").first()).toContainText("Emergency");
  });

  test("cancelling through the manage link frees the slot", async ({ page, request, world }) => {
    const { slug, practitionerId } = world.booking.cancel;
    const today = new Date().toISOString().slice(0, 10);
    const inTwoWeeks = new Date(Date.now() + 13 * 86_400_000).toISOString().slice(0, 10);
    const slotsUrl = `/api/v1/slots?service=${slug}&practitioner=${practitionerId}&from=${today}&to=${inTwoWeeks}`;
    const free = (await (await request.get(slotsUrl)).json()).slots as Array<{ start: string }>;
    // A slot a few days out, beyond the 24 h cutoff.
    const slot = free.find((s) => new Date(s.start).getTime() > Date.now() + 3 * 86_400_000)!;
    const created = await request.post("/api/v1/appointment-requests", {
      headers: { "x-forwarded-for": "203.0.113.201" },
      data: {
        service: slug,
        practitionerId,
        start: slot.start,
        patient: { name: "Casey Cancel", email: "casey.cancel@example.test", phone: "+1 212 555 0111", dateOfBirth: "1990-01-01" },
        intake: { painStartedOn: "2026-09-01", painScore: 3, redFlags: [], notes: "" },
      },
    });
    expect(created.status()).toBe(201);
    const { manageUrl } = await created.json();
    const taken = (await (await request.get(slotsUrl)).json()).slots as Array<{ start: string }>;
    expect(taken.some((s) => s.start === slot.start)).toBe(false);

    // The page as the booking flow opens it, right after the request.
    await page.goto(`${new URL(manageUrl).pathname}?new=1`);
    await expect(page.getByRole("heading", { level: 1, name: /Request received|You.re booked|Check your email/ })).toBeVisible();
    await page.getByRole("button", { name: "Cancel appointment" }).click();
    await page.getByRole("button", { name: "Yes, cancel it" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Your appointment is cancelled" })).toBeVisible();
    await expect(page.getByText("Cancelled", { exact: true })).toBeVisible();
    // The heading says what is true now, not what was true when the page opened.
    await expect(page.getByRole("heading", { level: 1, name: "Appointment cancelled" })).toBeVisible();
    await expect(page.getByRole("heading", { name: /Request received|You.re booked|Check your email/ })).toHaveCount(0);

    const freed = (await (await request.get(slotsUrl)).json()).slots as Array<{ start: string }>;
    expect(freed.some((s) => s.start === slot.start)).toBe(true);
  });
});
