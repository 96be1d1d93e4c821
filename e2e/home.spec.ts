import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./fixtures/test";

test("the home page lists services and practitioners from the database", async ({ page, world }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Massage", level: 2 })).toBeVisible();
  await expect(page.getByRole("heading", { name: world.service.name })).toBeVisible();
  await expect(page.getByRole("heading", { name: world.practitioner.name })).toBeVisible();
});

test("the hero's text and its main button are readable: axe finds no contrast problem, nor anything it could not decide", async ({ page }) => {
  await page.goto("/");
  const hero = page.getByTestId("hero");
  const button = hero.getByRole("link", { name: "Book an appointment" });
  await expect(button).toBeVisible();
  const results = await new AxeBuilder({ page }).include('[data-testid="hero"]').withRules(["color-contrast"]).analyze();
  // The rule really looked at the hero's text (a check that passes because it saw nothing would prove nothing).
  // Heading, paragraph and button: three nodes, whichever list they end up in.
  const seen = [...results.passes, ...results.violations, ...results.incomplete].flatMap((r) => r.nodes);
  expect(seen.length).toBeGreaterThanOrEqual(3);
  expect(results.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(" ")} ${n.failureSummary ?? ""}`))).toEqual([]);
  expect(results.incomplete.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(" ")} ${n.any.map((c) => c.message).join(" ")}`))).toEqual([]);
  // And what a sighted visitor gets: the button's text colour is not its background colour.
  const colours = await button.evaluate((el) => {
    const s = getComputedStyle(el);
    return { text: s.color, background: s.backgroundColor };
  });
  expect(colours.text).not.toBe(colours.background);
});

test("the health check answers after a real query", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  expect(await res.json()).toEqual({ status: "ok", database: "ok" });
});

test("the site has an icon: /favicon.ico is served", async ({ request }) => {
  const res = await request.get("/favicon.ico");
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toMatch(/image\//);
  expect((await res.body()).byteLength).toBeGreaterThan(100);
});
