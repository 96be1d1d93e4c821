import { expect, test } from "./fixtures/test";

test("the patient's plan shows each exercise's start and end pictures, with their licence", async ({ pageAs }) => {
  const page = await pageAs("patientA");
  await page.goto("/portal");
  const tilt = page.getByRole("list", { name: "Today's exercises" }).getByRole("listitem").filter({ hasText: "Pelvic tilt" });
  const start = tilt.getByRole("img", { name: /^Start position: Lying on the back/ });
  const end = tilt.getByRole("img", { name: /^End position:/ });
  await expect(start).toHaveAttribute("loading", "lazy");
  await expect(start).toHaveAttribute("width", "240");
  await start.scrollIntoViewIfNeeded();
  // The picture really arrived (an image, not a broken link).
  await expect.poll(() => start.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(240);
  await expect(end).toBeVisible();
  await expect(tilt.getByText("Pictures: Drawing: Backline clinic, CC BY 4.0")).toBeVisible();
});

test("a hold timer counts down on the phone, offline too, and says when the hold is done", async ({ pageAs }) => {
  const page = await pageAs("patientA");
  await page.clock.install();
  await page.goto("/portal");
  const tilt = page.getByRole("list", { name: "Today's exercises" }).getByRole("listitem").filter({ hasText: "Pelvic tilt" });
  const timer = tilt.getByRole("timer", { name: "Pelvic tilt hold timer" });
  await expect(timer).toHaveText("10 s");
  // Nothing is sent anywhere: it works with the connection gone.
  await page.context().setOffline(true);
  await tilt.getByRole("button", { name: "Start the Pelvic tilt hold timer" }).click();
  await page.clock.runFor(4_000);
  await expect(timer).toHaveText("6 s");
  await page.clock.runFor(7_000);
  await expect(timer).toHaveText("0 s");
  await expect(tilt.getByRole("status").filter({ hasText: "Done: Pelvic tilt hold finished. Relax." })).toBeVisible();
  await expect(tilt.getByRole("button", { name: "Again the Pelvic tilt hold timer" })).toBeVisible();
  await page.context().setOffline(false);
});

test("the timer's bar does not glide for someone who asked for reduced motion", async ({ pageAs }) => {
  const page = await pageAs("patientA");
  await page.emulateMedia({ reducedMotion: "reduce" });
  await page.goto("/portal");
  const bar = page.getByRole("list", { name: "Today's exercises" }).getByRole("listitem").filter({ hasText: "Pelvic tilt" }).locator(".bg-brand-600.h-full");
  expect(await bar.evaluate((el) => getComputedStyle(el).transitionDuration)).toBe("0s");
  await page.emulateMedia({ reducedMotion: "no-preference" });
  expect(await bar.evaluate((el) => getComputedStyle(el).transitionDuration)).not.toBe("0s");
});

test("dates in the portal read as dates, not as 2026-12-01", async ({ pageAs }) => {
  const page = await pageAs("patientA");
  await page.goto("/portal");
  await expect(page.getByText(/review on [A-Z][a-z]{2} \d{1,2}, \d{4}/).first()).toBeVisible();
  await expect(page.locator("main")).not.toContainText(/\b\d{4}-\d{2}-\d{2}\b/);
});
