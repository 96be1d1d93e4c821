import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/db/seed/demo";
import { HOME_BY_ROLE } from "@/lib/auth/roles";
import { expect, signIn, test, uniqueClientIp } from "./fixtures/test";

test.describe("sign-in", () => {
  test("every demo account signs in and lands in its area", async ({ browser }) => {
    // Nine sign-ins in a row (Argon2 each): more than the default 30 s on a busy machine.
    test.setTimeout(90_000);
    for (const account of DEMO_ACCOUNTS) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await signIn(page, account.email, DEMO_PASSWORD);
      await expect(page).toHaveURL(new RegExp(`${HOME_BY_ROLE[account.role]}$`));
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await context.close();
    }
  });

  test("a wrong password gets the same generic message as an unknown email", async ({ page, world }) => {
    await page.setExtraHTTPHeaders({ "x-forwarded-for": uniqueClientIp() });
    await page.goto("/login");
    for (const email of [world.accounts.patientA.email, "nobody-here@example.test"]) {
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill("definitely-wrong");
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.getByRole("alert").filter({ hasText: "do not match an active account" })).toBeVisible();
      await expect(page).toHaveURL(/\/login/);
    }
  });

  test("a protected page sends a visitor to sign in and back afterwards", async ({ page, world }) => {
    await page.goto("/admin/services");
    await expect(page).toHaveURL(/\/login\?next=%2Fadmin%2Fservices/);
    await page.getByLabel("Email").fill(world.accounts.admin.email);
    await page.getByLabel("Password").fill(world.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/admin\/services$/);
  });
});

test.describe("sessions", () => {
  test("an old session stops working after sign-out", async ({ browser, world }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, world.accounts.patientB.email, world.password);
    await expect(page).toHaveURL(/\/portal$/);
    const stolen = await context.storageState();

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login\?signedOut=1/);

    // Someone replays the cookie the browser had before signing out.
    const replay = await browser.newContext({ storageState: stolen });
    const replayPage = await replay.newPage();
    await replayPage.goto("/portal");
    await expect(replayPage).toHaveURL(/\/login/);
    await replay.close();
    await context.close();
  });

  test("signing out on every device ends the other sessions too", async ({ browser, world }) => {
    const { email } = world.accounts.disposablePatient;
    const phone = await browser.newContext();
    const phonePage = await phone.newPage();
    await signIn(phonePage, email, world.password);
    const laptop = await browser.newContext();
    const laptopPage = await laptop.newPage();
    await signIn(laptopPage, email, world.password);

    await laptopPage.goto("/account");
    await laptopPage.getByRole("button", { name: "Sign out on every device" }).click();
    await expect(laptopPage).toHaveURL(/\/login\?signedOut=1/);

    await phonePage.goto("/portal");
    await expect(phonePage).toHaveURL(/\/login/);
    await phone.close();
    await laptop.close();
  });
});
