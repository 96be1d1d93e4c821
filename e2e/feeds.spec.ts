import { expect, test } from "./fixtures/test";

/**
 * Calendar feeds (issue 11): a practitioner makes a feed per device on /account, sees its address once,
 * subscribes, and revokes it — the revoked address stops answering while the other feeds keep working.
 */
test("a practitioner creates a calendar feed, reads it, revokes it, and the address stops working", async ({ pageAs, request }) => {
  const physician = await pageAs("spine_physician");
  await physician.goto("/account");
  const feeds = physician.getByRole("heading", { name: "Calendar feeds" });
  await expect(feeds).toBeVisible();

  const label = `Phone ${Date.now()}`;
  await physician.getByLabel("Device or app").fill(label);
  await physician.getByRole("button", { name: "Create a feed" }).click();
  const address = physician.getByLabel("Feed address");
  await expect(address).toHaveValue(/\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
  const url = new URL(await address.inputValue());

  const read = await request.get(url.pathname);
  expect(read.status()).toBe(200);
  expect(read.headers()["content-type"]).toContain("text/calendar");
  expect(await read.text()).toContain("BEGIN:VCALENDAR");

  // Listed with its name (never its address again); revoked from the list.
  await physician.reload();
  const item = physician.getByRole("list", { name: "Your calendar feeds" }).getByRole("listitem").filter({ hasText: label });
  await expect(item).toContainText("last read");
  await expect(physician.locator("body")).not.toContainText(url.pathname);
  await item.getByRole("button", { name: `Revoke “${label}”` }).click();
  await expect(item).toContainText("Revoked");

  const after = await request.get(url.pathname);
  expect(after.status()).toBe(404);
  expect(await after.json()).toMatchObject({ error: { code: "not_found" } });
});

test("an empty or overlong feed name is refused with a field message", async ({ pageAs }) => {
  const physician = await pageAs("spine_physician");
  await physician.goto("/account");
  await physician.getByRole("button", { name: "Create a feed" }).click();
  await expect(physician.getByText("Name the device or app")).toBeVisible();
  await expect(physician.getByLabel("Feed address")).toHaveCount(0);
});

test("desk staff and patients have no calendar feeds", async ({ pageAs }) => {
  for (const persona of ["staff", "patientA"] as const) {
    const page = await pageAs(persona);
    await page.goto("/account");
    await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Calendar feeds" })).toHaveCount(0);
  }
});
