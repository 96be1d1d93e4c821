import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures/test";

/** Presses like a finger: down, let the page react to the blur that caused, then up at the same spot. */
async function tap(page: Page, target: Locator) {
  await target.scrollIntoViewIfNeeded();
  const before = (await target.boundingBox())!;
  await page.mouse.move(before.x + before.width / 2, before.y + before.height / 2);
  await page.mouse.down();
  // Two animation frames: whatever the blur of the previous field re-renders is on screen now.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const during = (await target.boundingBox())!;
  await page.mouse.up();
  return { moved: Math.abs(during.y - before.y) };
}

test("on a phone, the first tap after a field loses focus is not lost: press Continue with nothing filled, type a date, tap 5", async ({ page, world }) => {
  const { slug, practitionerName } = world.booking.massage;
  await page.goto(`/book?service=${slug}`);
  await page.getByRole("radio", { name: practitionerName }).check();
  await page.getByRole("button", { name: "Continue" }).click();
  await page
    .getByRole("group", { name: /^Time on/ })
    .getByRole("button")
    .first()
    .click();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { name: /Step 4 of 6/ })).toBeVisible();

  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByText("When did the pain start?")).toBeVisible();
  await expect(page.getByText("Choose a number from 0 to 10")).toBeVisible();
  await page.getByLabel("When did this pain start?").fill("2026-10-01");
  const five = page.locator("label").filter({ has: page.getByRole("radio", { name: "5 out of 10" }) });
  const { moved } = await tap(page, five);
  expect(moved, "the pain scale moved under the finger").toBe(0);
  await expect(page.getByRole("radio", { name: "5 out of 10" })).toBeChecked();

  // Yes/No answers too: the tap right after typing elsewhere registers.
  await page.getByLabel("What makes it worse? (optional)").fill("Sitting");
  const no = page.getByRole("group", { name: "Fever, chills, or a recent infection?" }).locator("label").filter({ hasText: "No" });
  await tap(page, no);
  await expect(page.getByRole("group", { name: "Fever, chills, or a recent infection?" }).getByLabel("No")).toBeChecked();
});
