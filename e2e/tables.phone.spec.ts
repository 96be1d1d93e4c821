import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures/test";

/** The page is never wider than the phone's screen. */
async function expectNoSidewaysPage(page: Page) {
  const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
  expect(scroll, "page width").toBeLessThanOrEqual(width);
}

/** Every column of a table can be brought into view, and its first column stays in view while doing so. */
async function expectEveryColumnReachable(table: Locator, lastHeading: string) {
  const page = table.page();
  const viewport = page.viewportSize()!;
  const last = table.getByRole("columnheader", { name: lastHeading });
  await last.scrollIntoViewIfNeeded();
  const box = (await last.boundingBox())!;
  expect(box.x, `${lastHeading} starts on screen`).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, `${lastHeading} ends on screen`).toBeLessThanOrEqual(viewport.width);
  const first = (await table.getByRole("row").nth(1).locator("th, td").first().boundingBox())!;
  expect(first.x, "first column still on screen").toBeGreaterThanOrEqual(0);
  expect(first.x + first.width).toBeLessThanOrEqual(viewport.width);
  await expectNoSidewaysPage(page);
}

test("on a phone, the portal's tables show every column: this week's Sunday, the visit's With, the access log's What", async ({ pageAs, world }) => {
  // Someone at the clinic opens patient A's case, so the access log has a row.
  const physician = await pageAs("spine_physician");
  await physician.goto(`/cases/${world.caseA.id}`);
  const page = await pageAs("patientA");
  await page.goto("/portal");
  await expectNoSidewaysPage(page);
  await expectEveryColumnReachable(page.getByRole("table", { name: "Sessions done this week" }), "Sun");
  await expectEveryColumnReachable(page.getByRole("table", { name: "Upcoming appointments" }), "With");
  await page.goto("/portal/access");
  await expectEveryColumnReachable(page.getByRole("table", { name: "Access to your record" }), "What");
  // Labels, not codes.
  await expect(page.getByRole("table", { name: "Access to your record" })).toContainText("Opened your case");
  await expect(page.getByRole("table", { name: "Access to your record" })).not.toContainText(/\b[a-z_]+\.[a-z_]+\b/);
});

test("a 5,000-character note without a space wraps: the case page stays as wide as the phone, and a note over the limit is refused", async ({ pageAs, world }) => {
  const page = await pageAs("spine_physician");
  await page.goto(`/cases/${world.longTextCase.id}`);
  const unbroken = "x".repeat(5_000);
  await page.getByLabel(/^New note/).fill(unbroken);
  await page.getByRole("button", { name: "Add note" }).click();
  const note = page.locator("p", { hasText: unbroken });
  await expect(note).toBeVisible();
  await expectNoSidewaysPage(page);
  const box = (await note.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(page.viewportSize()!.width);

  await page.getByLabel(/^New note/).fill("y".repeat(10_001));
  await page.getByRole("button", { name: "Add note" }).click();
  await expect(page.getByText("Keep a note under 10,000 characters")).toBeVisible();
  await expect(page.getByText("y".repeat(10_001))).toHaveCount(0);
});
