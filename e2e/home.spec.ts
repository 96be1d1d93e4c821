import { expect, test } from "./fixtures/test";

test("the home page lists services and practitioners from the database", async ({ page, world }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Massage", level: 2 })).toBeVisible();
  await expect(page.getByRole("heading", { name: world.service.name })).toBeVisible();
  await expect(page.getByRole("heading", { name: world.practitioner.name })).toBeVisible();
});

test("the health check answers after a real query", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  expect(await res.json()).toEqual({ status: "ok", database: "ok" });
});
