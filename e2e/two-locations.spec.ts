import { expect, test } from "./fixtures/test";

/**
 * Two locations, two zones (issue 11). The demo clinic has New York and Denver; Cara Liu has a visit at
 * each. Every surface shows each visit on its own location's clock, with the zone named.
 */
test("the desk and the case page show a Denver visit in Mountain time and a New York one in Eastern time", async ({ pageAs }) => {
  const desk = await pageAs("staff");
  await desk.goto("/desk/patients?q=Cara%20Liu");
  await desk.getByRole("link", { name: "Cara Liu" }).first().click();
  const visits = desk.getByRole("region", { name: "Upcoming visits" });
  await expect(visits.getByRole("listitem").filter({ hasText: "Dr. Luis Ortega" })).toContainText(/10:00 AM M[SD]T/);
  await expect(visits.getByRole("listitem").filter({ hasText: "Priya Nair" })).toContainText(/9:00 AM E[SD]T/);

  const physician = await pageAs("spine_physician");
  await physician.goto("/cases?q=Cara%20Liu");
  await physician.getByRole("link", { name: "Cara Liu" }).first().click();
  const requests = physician.getByRole("heading", { name: "Requests and triage" }).locator("xpath=..");
  await expect(requests.getByRole("listitem").filter({ hasText: "Dr. Luis Ortega" })).toContainText(/10:00 AM M[SD]T/);
});

test("booking offers both locations, each with its own practitioners and clock", async ({ page }) => {
  await page.goto("/book?service=chiropractic-adjustment");
  await expect(page.getByRole("group", { name: "Where?" })).toBeVisible();
  await page.getByRole("radio", { name: /Backline Denver/ }).check();
  await expect(page.getByRole("radio", { name: /Dr\. Luis Ortega/ })).toBeVisible();
  await expect(page.getByRole("radio", { name: /Dr\. Daniel Okafor/ })).toHaveCount(0);
  await page.getByRole("radio", { name: /Dr\. Luis Ortega/ }).check();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByText(/Times are in Mountain/)).toBeVisible();
});
