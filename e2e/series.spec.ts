import { expect, test } from "./fixtures/test";

/**
 * Issue 13: a physical therapist books a six-week plan (twice a week) from a case in one step: every
 * date is checked first, all are booked together, and the patient gets one email naming every visit.
 */
// One patient's record for both journeys: one after the other (the second counts only its own visits).
test.describe.configure({ mode: "serial" });

test("a physical therapist books a six-week plan of care from a case; the desk cancels the rest of it from the third visit", async ({ pageAs, world }) => {
  const { caseId, patientId, serviceName, practitionerName, firstDay, patientEmail } = world.series;
  const pt = await pageAs("physical_therapist");
  await pt.goto(`/cases/${caseId}`);
  const form = pt.getByRole("form", { name: "Book a plan of care" });
  await form.getByLabel("Service").selectOption({ label: serviceName });
  await form.getByLabel("Practitioner").selectOption({ label: practitionerName });
  await form.getByLabel("Tue").check();
  await form.getByLabel("Thu").check();
  await form.getByLabel("Time (clinic time)").fill("10:00");
  await form.getByLabel("First day").fill(firstDay);
  await form.getByLabel("Visits").fill("12");
  await form.getByRole("button", { name: "Check the dates" }).click();
  const visits = pt.getByRole("list", { name: "Visits of the plan" }).getByRole("listitem");
  await expect(visits).toHaveCount(12);
  await expect(visits.filter({ hasText: "free" })).toHaveCount(12);
  await pt.getByRole("button", { name: "Book 12 visits" }).click();
  await expect(pt.getByRole("status").filter({ hasText: "Booked 12 visits." })).toBeVisible();

  const admin = await pageAs("admin");
  await admin.goto("/admin/outbox");
  await expect(admin.locator("summary", { hasText: `to ${patientEmail.toLowerCase()}` }).filter({ hasText: `Your plan of care: 12 visits for ${serviceName}` })).toBeVisible();

  // The plan is one unit at the desk: from the third visit on, the rest is cancelled in one step.
  const desk = await pageAs("staff");
  await desk.goto(`/desk/patients/${patientId}`);
  const third = desk.getByRole("listitem").filter({ hasText: serviceName }).nth(2);
  await third.locator("summary", { hasText: "Cancel the rest of the plan" }).click();
  const rest = third.getByRole("form", { name: /^Cancel the rest of the plan/ });
  await rest.getByLabel("Reason").selectOption({ label: "Practitioner ill" });
  await rest.getByRole("button", { name: "Cancel this and every later visit of the plan" }).click();
  await expect(desk.getByRole("table", { name: "Past and cancelled visits" })).toContainText("Practitioner ill");
  await desk.reload();
  await expect(desk.getByRole("listitem").filter({ hasText: serviceName })).toHaveCount(2);
  await admin.goto("/admin/outbox");
  await expect(admin.locator("summary", { hasText: `to ${patientEmail.toLowerCase()}` }).filter({ hasText: `Cancelled: 10 visits of your plan for ${serviceName}` })).toBeVisible();
});

test("the desk books a plan from the patient's page; a plan with visits left and nothing booked is on the recall list until the desk stops it", async ({ pageAs, world }) => {
  test.setTimeout(90_000);
  const { patientId, serviceName, practitionerName, firstDay } = world.series;
  const desk = await pageAs("staff");
  await desk.goto(`/desk/patients/${patientId}`);
  const form = desk.getByRole("form", { name: "Book a plan of care" });
  await form.getByLabel("Service").selectOption({ label: serviceName });
  await form.getByLabel("Practitioner").selectOption({ label: practitionerName });
  await form.getByLabel("Wed").check();
  await form.getByLabel("Time (clinic time)").fill("15:00");
  await form.getByLabel("First day").fill(firstDay);
  await form.getByLabel("Visits").fill("2");
  await form.getByRole("button", { name: "Check the dates" }).click();
  await expect(desk.getByRole("list", { name: "Visits of the plan" }).getByRole("listitem").filter({ hasText: "free" })).toHaveCount(2);
  await desk.getByRole("button", { name: "Book 2 visits" }).click();
  await expect(desk.getByRole("status").filter({ hasText: "Booked 2 visits." })).toBeVisible();

  // The patient cancels both by phone, one at a time: the plan has visits left and nothing booked.
  for (let i = 0; i < 2; i++) {
    await desk.reload();
    const visit = desk.getByRole("listitem").filter({ hasText: serviceName }).filter({ hasText: "3:00 PM" }).first();
    await visit.locator("summary", { hasText: /^Cancel$/ }).click();
    const cancel = visit.getByRole("form", { name: /^Cancel / });
    await cancel.getByLabel("Reason").selectOption({ label: "The patient called" });
    await cancel.getByRole("button", { name: "Cancel and email the patient" }).click();
    await expect(desk.getByRole("table", { name: "Past and cancelled visits" }).getByRole("row").filter({ hasText: "3:00 PM" })).toHaveCount(i + 1);
  }
  await desk.goto("/desk/recall");
  const row = desk.getByRole("table", { name: "Plans of care with visits left and no booking" }).getByRole("row").filter({ hasText: "Wed at 15:00" });
  await expect(row).toContainText("0 of 2");
  await row.locator("summary", { hasText: "Stop the plan" }).click();
  await row.getByLabel("Reason").selectOption({ label: "The patient called" });
  await row.getByRole("button", { name: "Stop this plan" }).click();
  await expect(desk.getByRole("table", { name: "Plans of care with visits left and no booking" }).getByRole("row").filter({ hasText: "Wed at 15:00" })).toHaveCount(0);
});
