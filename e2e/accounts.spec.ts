import type { Page } from "@playwright/test";
import { expect, signIn, test, uniqueClientIp } from "./fixtures/test";

/**
 * Getting in without anyone typing another person's password: staff invitations, portal setup for a
 * patient, and "forgot password" — each a single-use link read here from the admin outbox (emails are
 * held there when no SMTP server is configured).
 */

// Journeys through several pages, the outbox and Argon2 more than once: a wider budget than 30 s.
test.describe.configure({ timeout: 90_000 });

const NEW_PASSWORD = "a brand new password 2026";

/** The set-password link in the newest email to `to` with `subject`, checked to point at the clinic's own address. */
async function accountLinkFor(admin: Page, to: string, subject: string, baseURL: string): Promise<string> {
  await admin.goto("/admin/outbox");
  const email = admin
    .getByRole("listitem")
    .filter({ has: admin.locator("summary", { hasText: `to ${to}` }) })
    .filter({ hasText: subject })
    .first();
  await email.locator("summary").click();
  const text = await email.locator("pre").innerText();
  const url = /https?:\/\/\S+\/set-password\/[A-Za-z0-9_-]{43}/.exec(text)?.[0];
  expect(url, text).toBeDefined();
  expect(new URL(url!).origin).toBe(new URL(baseURL).origin);
  return new URL(url!).pathname;
}

async function choosePassword(page: Page, password: string) {
  await page.getByLabel("New password", { exact: true }).fill(password);
  await page.getByLabel("New password again").fill(password);
  await page.getByRole("button", { name: "Save password and sign in" }).click();
}

test("an admin invites a physical therapist, who chooses a password, signs in and lands on /cases", async ({ browser, pageAs, baseURL }) => {
  const email = `e2e-invited-pt-${Date.now()}@example.test`;
  const admin = await pageAs("admin");
  await admin.goto("/admin/users");
  await admin.getByLabel("Full name").fill("Ines Invited");
  await admin.getByLabel("Email").fill(email);
  await admin.getByLabel("Role").selectOption("practitioner");
  await admin.getByRole("button", { name: "Send invitation" }).click();
  // A practitioner needs a discipline and a location; what was typed stays.
  await expect(admin.getByText("Choose the practitioner's discipline")).toBeVisible();
  await expect(admin.getByLabel("Full name")).toHaveValue("Ines Invited");
  await admin.getByLabel("Discipline (practitioners)").selectOption("physical_therapist");
  await admin.getByLabel("Location (practitioners)").selectOption({ index: 1 });
  await admin.getByRole("button", { name: "Send invitation" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "Invitation sent." })).toBeVisible();
  await expect(admin.getByRole("row").filter({ hasText: email })).toContainText("Waiting");

  const link = await accountLinkFor(admin, email, "You are invited to Backline", baseURL!);
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Welcome to Backline" })).toBeVisible();
  await expect(page.getByText("Physical therapist")).toBeVisible();
  await choosePassword(page, NEW_PASSWORD);
  await expect(page).toHaveURL(/\/cases$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

  // The password is theirs: out and in again through the sign-in form.
  await page.getByRole("button", { name: "Sign out" }).click();
  await signIn(page, email, NEW_PASSWORD);
  await expect(page).toHaveURL(/\/cases$/);
  // The link worked once.
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "This link no longer works" })).toBeVisible();
  await admin.goto("/admin/users");
  await expect(admin.getByRole("row").filter({ hasText: email }).first()).toContainText("Accepted");
  await context.close();
});

test("a revoked invitation's link stops working", async ({ browser, pageAs, baseURL }) => {
  const email = `e2e-revoked-${Date.now()}@example.test`;
  const admin = await pageAs("admin");
  await admin.goto("/admin/users");
  await admin.getByLabel("Full name").fill("Rory Revoked");
  await admin.getByLabel("Email").fill(email);
  await admin.getByLabel("Role").selectOption("staff");
  await admin.getByRole("button", { name: "Send invitation" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "Invitation sent." })).toBeVisible();
  const link = await accountLinkFor(admin, email, "You are invited to Backline", baseURL!);
  await admin.goto("/admin/users");
  const row = admin.getByRole("row").filter({ hasText: email });
  await row.getByRole("button", { name: `Revoke the invitation for ${email}` }).click();
  await expect(row).toContainText("Revoked");

  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "This link no longer works" })).toBeVisible();
  await expect(page.getByLabel("New password", { exact: true })).toHaveCount(0);
  await context.close();
});

test("a patient resets a forgotten password: the same answer for unknown addresses, and other sessions end", async ({ browser, pageAs, world, baseURL }) => {
  const { email } = world.accounts.resetPatient;
  // Signed in on a laptop earlier.
  const laptop = await browser.newContext();
  const laptopPage = await laptop.newPage();
  await signIn(laptopPage, email, world.password);

  const phone = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": uniqueClientIp() } });
  const page = await phone.newPage();
  await page.goto("/login");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page).toHaveURL(/\/login\/forgot$/);
  await page.getByLabel("Email").fill(`nobody-${Date.now()}@example.test`);
  await page.getByRole("button", { name: "Email me a link" }).click();
  const unknownAnswer = await page.getByRole("status").filter({ hasText: "If an account uses that address" }).innerText();
  await page.goto("/login/forgot");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Email me a link" }).click();
  await expect(page.getByRole("status").filter({ hasText: "If an account uses that address" })).toHaveText(unknownAnswer);

  const link = await accountLinkFor(await pageAs("admin"), email, "Reset your Backline password", baseURL!);
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
  await page.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel("New password again").fill("not the same password");
  await page.getByRole("button", { name: "Save password and sign in" }).click();
  await expect(page.getByText("The two passwords differ")).toBeVisible();
  await choosePassword(page, NEW_PASSWORD);
  await expect(page).toHaveURL(/\/portal$/);

  // Every other session ended; the old password no longer works, the new one does.
  await laptopPage.goto("/portal");
  await expect(laptopPage).toHaveURL(/\/login/);
  await laptopPage.getByLabel("Email").fill(email);
  await laptopPage.getByLabel("Password").fill(world.password);
  await laptopPage.getByRole("button", { name: "Sign in" }).click();
  await expect(laptopPage.getByRole("alert").filter({ hasText: "do not match an active account" })).toBeVisible();
  await signIn(laptopPage, email, NEW_PASSWORD);
  await expect(laptopPage).toHaveURL(/\/portal$/);
  await laptop.close();
  await phone.close();
});

test("the front desk emails a portal invitation; the patient chooses a password and sees their appointment", async ({ browser, pageAs, world, baseURL }) => {
  const desk = await pageAs("staff");
  await desk.goto(`/desk/patients/${world.portalPatient.id}`);
  await desk.getByRole("button", { name: "Email a portal invitation" }).click();
  await expect(desk.getByRole("status").filter({ hasText: "Invitation sent." })).toBeVisible();

  const link = await accountLinkFor(await pageAs("admin"), world.portalPatient.email, "Set up your Backline patient portal", baseURL!);
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Set up your patient portal" })).toBeVisible();
  await expect(page.getByLabel("Your sign-in email")).toHaveValue(world.portalPatient.email);
  await choosePassword(page, NEW_PASSWORD);
  await expect(page).toHaveURL(/\/portal$/);
  const upcoming = page.getByRole("table", { name: "Upcoming appointments" });
  await expect(upcoming).toContainText(world.portalPatient.serviceName);
  // A time the clinic proposed is shown in the portal, and leads to where it is accepted.
  const proposal = page.getByRole("status").filter({ hasText: "The clinic proposes a new time" });
  await expect(proposal).toContainText(`For your ${world.portalPatient.serviceName} on`);
  await proposal.getByRole("link", { name: "Accept the new time or keep yours" }).click();
  await expect(page.getByRole("button", { name: "Accept the new time" })).toBeVisible();
  await page.goBack();
  // Every open appointment can be changed or cancelled from the portal, under the same rules as its email link.
  await upcoming
    .getByRole("link", { name: new RegExp(`^Change or cancel ${world.portalPatient.serviceName} on`) })
    .first()
    .click();
  await expect(page.getByRole("button", { name: "Cancel appointment" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: world.portalPatient.serviceName })).toBeVisible();

  await desk.reload();
  await expect(desk.getByText("Has a portal account.")).toBeVisible();
  await context.close();
});
