import type { Page } from "@playwright/test";
import { RED_FLAGS } from "@/lib/triage/red-flags";
import { expect, signIn, test } from "./fixtures/test";

/**
 * Issue 13: the waitlist refills a cancellation by itself. A patient finds no free time and joins the
 * waitlist; another patient cancels that time from their manage link; the job offers it to the waiting
 * patient by email (read from the outbox); they accept from the link and see the booking in the portal.
 */
const next = (page: Page) => page.getByRole("button", { name: "Continue" }).click();

test("a patient joins the waitlist, another cancels, the first accepts from the email and sees the booking in the portal", async ({ browser, pageAs, world }) => {
  test.setTimeout(90_000); // three people, a background job and the outbox
  const { serviceName, practitionerName, holderManagePath, waiter } = world.waitlist;
  const page = await (await browser.newContext()).newPage();
  await signIn(page, waiter.email, world.password);
  await page.goto("/book");
  await page.getByRole("radio", { name: serviceName }).check();
  await next(page);
  await page.getByRole("radio", { name: practitionerName }).check();
  await next(page);
  // No free time: the only hour is booked.
  await expect(page.getByText("Times are in")).toBeVisible();
  await page.getByRole("button", { name: "Join the waitlist" }).click();
  const windows = page.getByRole("group", { name: "Join the waitlist: when can you come?" });
  // Nothing ticked: a clear message, and the step stays.
  for (const day of ["Mon", "Tue", "Wed", "Thu", "Fri"]) await windows.getByLabel(day).uncheck();
  await next(page);
  await expect(windows.getByText("Choose at least one day you can come")).toBeVisible();
  for (const day of ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]) await windows.getByLabel(day).check();
  await next(page);
  await page.getByLabel("When did this pain start?").fill("2026-10-01");
  await page.getByRole("radio", { name: "5 out of 10" }).check({ force: true });
  for (const flag of RED_FLAGS) await page.getByRole("group", { name: flag.question }).getByLabel("No").check();
  await next(page);
  await next(page);
  await expect(page.getByText(/^Waitlist: Any day · any time, until/)).toBeVisible();
  await page.getByRole("button", { name: "Join the waitlist" }).click();
  await expect(page.getByRole("heading", { name: "You are on the waitlist" })).toBeVisible();

  // The desk sees them waiting.
  const desk = await pageAs("staff");
  await desk.goto("/desk/waitlist");
  await expect(desk.getByRole("table", { name: "Patients on the waitlist, in offer order" })).toContainText(waiter.name);

  // Another patient cancels the hour from their manage link.
  const holder = await (await browser.newContext()).newPage();
  await holder.goto(holderManagePath);
  await holder.getByRole("button", { name: "Cancel appointment" }).click();
  await holder.getByRole("button", { name: "Yes, cancel it" }).click();
  await expect(holder.getByRole("status").filter({ hasText: "Your appointment is cancelled" })).toBeVisible();

  // The job offers it by email within moments (woken by the cancellation, no timer of ours).
  const admin = await pageAs("admin");
  const offerEmail = admin.locator("details", { has: admin.locator("summary", { hasText: `to ${waiter.email.toLowerCase()}` }) }).filter({ hasText: "A time opened up" });
  await expect(async () => {
    await admin.goto("/admin/outbox");
    await expect(offerEmail.first()).toBeAttached();
  }).toPass({ timeout: 30_000 });
  const body = (await offerEmail.first().locator("pre").textContent()) ?? "";
  const link = /https?:\/\/[^\s]+\/waitlist\/[^\s]+/.exec(body)?.[0];
  expect(link, "the offer email carries a link").toBeTruthy();

  await page.goto(new URL(link!).pathname);
  await expect(page.getByRole("heading", { name: "A time opened up for you" })).toBeVisible();
  await expect(page.getByText(practitionerName)).toBeVisible();
  await page.getByRole("button", { name: "Accept this time" }).click();
  await expect(page.getByRole("heading", { name: "You're booked" })).toBeVisible();

  await page.goto("/portal");
  await expect(page.getByRole("table", { name: "Upcoming appointments" })).toContainText(practitionerName);

  // The desk sees the offer's outcome; the patient is no longer waiting.
  await desk.goto("/desk/waitlist");
  await expect(desk.getByRole("table", { name: "Waitlist offers and their outcome" }).getByRole("row").filter({ hasText: waiter.name })).toContainText("Accepted (booked)");
  await expect(desk.getByRole("table", { name: "Patients on the waitlist, in offer order" })).toHaveCount(0);
});
