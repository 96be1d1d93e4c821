import type { Page } from "@playwright/test";
import { RED_FLAGS } from "@/lib/triage/red-flags";
import { expect, test } from "./fixtures/test";

/**
 * Issue 12 (items 2 and 5): the patient page is the desk's hub. The desk opens a patient, books from
 * there (the contact comes from the record, nothing retyped), lands on the desk's own confirmation page
 * with the manage link, then cancels the visit with a reason; the patient's email is in the outbox.
 */

const next = (page: Page) => page.getByRole("button", { name: "Continue" }).click();

test("the desk books from a patient's page, lands on its confirmation page and cancels with a reason", async ({ pageAs, world }) => {
  const { patientId, patientName, email, serviceName, practitionerName } = world.deskHub;
  const desk = await pageAs("staff");
  await desk.goto(`/desk/patients/${patientId}`);
  await expect(desk.getByRole("heading", { name: patientName })).toBeVisible();
  await expect(desk.getByText("Last 12 months:")).toContainText("0 late cancellations · 0 no-shows");

  await desk.getByRole("link", { name: `Book for ${patientName}` }).click();
  await expect(desk).toHaveURL(new RegExp(`/desk/book\\?patient=${patientId}`));
  await expect(desk.getByRole("heading", { name: `Book for ${patientName}` })).toBeVisible();
  await desk.getByRole("radio", { name: serviceName }).check();
  await next(desk);
  await desk.getByRole("radio", { name: practitionerName }).check();
  await next(desk);
  await desk
    .getByRole("group", { name: /^Time on/ })
    .getByRole("button")
    .first()
    .click();
  await expect(desk.getByRole("status").filter({ hasText: "Chosen:" })).toBeVisible();
  await next(desk);
  await desk.getByLabel("When did this pain start?").fill("2026-10-01");
  await desk.getByRole("radio", { name: "4 out of 10" }).check({ force: true });
  for (const flag of RED_FLAGS) await desk.getByRole("group", { name: flag.question }).getByLabel("No").check();
  await next(desk);
  // The contact step shows the record's details, read-only: nothing is retyped.
  await expect(desk.getByLabel("Full name")).toHaveValue(patientName);
  await expect(desk.getByLabel("Email")).toHaveValue(email);
  await expect(desk.getByLabel("Full name")).toHaveAttribute("readonly", "");
  await next(desk);
  await desk.getByRole("button", { name: "Book appointment" }).click();

  // The desk's own page, not the patient's "You're booked".
  await expect(desk).toHaveURL(/\/desk\/appointments\/[0-9a-f-]{36}$/);
  await expect(desk.getByRole("heading", { name: "Booked" })).toBeVisible();
  await expect(desk.getByLabel("Manage link")).toContainText("/manage/");
  await desk.getByRole("link", { name: patientName }).click();

  // The visit is upcoming on the hub; cancel it with a reason.
  const visit = desk.getByRole("listitem").filter({ hasText: serviceName });
  await expect(visit).toBeVisible();
  await visit.locator("summary", { hasText: "Cancel" }).click();
  const cancel = visit.getByRole("form", { name: /^Cancel / });
  await cancel.getByLabel("Reason").selectOption({ label: "Practitioner ill" });
  await cancel.getByLabel(/^Note/).fill("Therapist off sick today");
  await cancel.getByRole("button", { name: "Cancel and email the patient" }).click();
  // The page refreshes at once: the visit leaves the upcoming list for the cancelled ones (the form's own
  // "Cancelled." may be gone by then).
  await expect(desk.getByRole("table", { name: "Past and cancelled visits" })).toContainText("Practitioner ill");
  await desk.reload();
  await expect(desk.getByRole("table", { name: "Past and cancelled visits" })).toContainText("Practitioner ill");
  // A clinic-side reason is never a late cancellation.
  await expect(desk.getByText("Last 12 months:")).toContainText("0 late cancellations");

  const admin = await pageAs("admin");
  await admin.goto("/admin/outbox");
  await expect(admin.locator("summary", { hasText: `to ${email.toLowerCase()}` }).filter({ hasText: `Cancelled: ${serviceName}` })).toBeVisible();
});

test("the desk edits a patient's contact details from the hub", async ({ pageAs, world }) => {
  const desk = await pageAs("staff");
  await desk.goto(`/desk/patients/${world.deskHub.patientId}`);
  const form = desk.getByRole("form", { name: "Contact details" });
  await form.getByLabel("Phone").fill("+1 212 555 0777");
  await form.getByRole("button", { name: "Save contact details" }).click();
  await expect(form.getByRole("status")).toHaveText("Contact details saved.");
  await desk.reload();
  await expect(desk.getByRole("form", { name: "Contact details" }).getByLabel("Phone")).toHaveValue("+1 212 555 0777");
});
