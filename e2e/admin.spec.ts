import { expect, test } from "./fixtures/test";

test.describe("admin", () => {
  test("edits a service, with a field error for a bad value", async ({ pageAs, world }) => {
    const page = await pageAs("admin");
    await page.goto("/admin/services");
    await page.getByRole("link", { name: `Edit ${world.service.name}` }).click();
    await expect(page.getByRole("heading", { name: `Edit: ${world.service.name}` })).toBeVisible();

    await page.getByLabel("Length (minutes)").fill("2");
    await page.getByRole("button", { name: "Save service" }).click();
    await expect(page.getByText("At least 5 minutes")).toBeVisible();

    await page.getByLabel("Length (minutes)").fill("75");
    await page.getByLabel("Buffer after (minutes)").fill("20");
    await page.getByRole("button", { name: "Save service" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();

    await page.goto("/admin/services");
    const row = page.getByRole("row").filter({ hasText: world.service.name });
    await expect(row).toContainText("75 min");
    await expect(row).toContainText("0 / 20 min");
  });

  test("a refused save keeps what the admin typed", async ({ pageAs }) => {
    const page = await pageAs("admin");
    await page.goto("/admin/settings");
    await page.getByLabel("Acute: under (weeks)").fill("20");
    await page.getByLabel("Chronic: over (weeks)").fill("10");
    await page.getByLabel("Time (main location's time)").fill("13:45");
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByText("Chronic must start after acute ends")).toBeVisible();
    // Nothing was saved, and nothing typed was thrown away: the admin fixes one field and goes on.
    await expect(page.getByLabel("Acute: under (weeks)")).toHaveValue("20");
    await expect(page.getByLabel("Chronic: over (weeks)")).toHaveValue("10");
    await expect(page.getByLabel("Time (main location's time)")).toHaveValue("13:45");
  });

  test("edits a practitioner's weekly hours with a lunch break", async ({ pageAs, world }) => {
    const page = await pageAs("admin");
    await page.goto(`/admin/practitioners/${world.practitioner.id}`);
    await expect(page.getByRole("heading", { name: `Working hours: ${world.practitioner.name}` })).toBeVisible();

    const saturday = page.getByRole("group", { name: "Saturday" });
    await saturday.getByLabel("Works on Saturday").check();
    await saturday.getByLabel("Starts", { exact: true }).fill("10:00");
    await saturday.getByLabel("Ends", { exact: true }).fill("09:00");
    await page.getByRole("button", { name: "Save hours" }).click();
    await expect(saturday.getByText("The day must end after it starts")).toBeVisible();

    await saturday.getByLabel("Ends", { exact: true }).fill("14:00");
    await saturday.getByRole("button", { name: "Add a break on Saturday" }).click();
    await saturday.getByLabel("Break 1 starts").fill("12:00");
    await saturday.getByLabel("Break 1 ends").fill("12:20");
    await page.getByRole("button", { name: "Save hours" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();

    await page.goto("/admin/practitioners");
    await expect(page.getByRole("row").filter({ hasText: world.practitioner.name })).toContainText("Sat 10:00–14:00");
  });

  test("disabling an account ends its session at once", async ({ browser, pageAs, world }) => {
    // A persona of its own: disabling ends every session of the account, shared ones included.
    const nurse = await browser.newContext();
    const nursePage = await nurse.newPage();
    await nursePage.goto("/login");
    await nursePage.getByLabel("Email").fill(world.accounts.disposableStaff.email);
    await nursePage.getByLabel("Password").fill(world.password);
    await nursePage.getByRole("button", { name: "Sign in" }).click();
    await expect(nursePage).toHaveURL(/\/desk$/);

    const admin = await pageAs("admin");
    await admin.goto("/admin/users");
    const row = admin.getByRole("row").filter({ hasText: world.accounts.disposableStaff.email });
    await row.getByRole("button", { name: `Disable ${world.accounts.disposableStaff.email}` }).click();
    await expect(row).toContainText("Disabled");

    await nursePage.goto("/desk");
    await expect(nursePage).toHaveURL(/\/login/);

    await row.getByRole("button", { name: `Enable ${world.accounts.disposableStaff.email}` }).click();
    await expect(row).toContainText("Active");
    await nurse.close();
  });
});
