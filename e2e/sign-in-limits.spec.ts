import { expect, signIn, test, uniqueClientIp } from "./fixtures/test";

/**
 * Sign-in limits that protect without locking people out: a stranger guessing a patient's password from
 * many addresses pauses sign-in for unknown browsers, never for the browser the patient signed in from
 * before (its signed device cookie). The e2e server trusts one proxy (the tests name client addresses
 * with X-Forwarded-For); e2e/direct.spec.ts shows a client cannot pick its address without one.
 */
test("a locked-out attacker, while the patient still signs in from their usual browser", async ({ browser, playwright, world, baseURL }) => {
  const { email } = world.accounts.devicePatient;
  const usual = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": uniqueClientIp() } });
  const page = await usual.newPage();
  await signIn(page, email, world.password);
  const device = (await usual.cookies()).find((c) => c.name.endsWith("backline.device"));
  expect(device).toMatchObject({ httpOnly: true, sameSite: "Lax" });
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login\?signedOut=1/);

  // The attacker guesses from a new address each time.
  const attacker = await playwright.request.newContext({ baseURL });
  const attempt = async (password: string) => {
    const ip = uniqueClientIp();
    const csrf = (await (await attacker.get("/api/auth/csrf", { headers: { "x-forwarded-for": ip } })).json()).csrfToken as string;
    return attacker.post("/api/auth/callback/credentials", { headers: { "x-forwarded-for": ip }, form: { csrfToken: csrf, email, password }, maxRedirects: 0 });
  };
  for (let i = 0; i < 10; i++) expect((await attempt(`guess number ${i}`)).status()).not.toBe(429);
  const locked = await attempt(world.password);
  expect(locked.status()).toBe(429);
  expect(Number(locked.headers()["retry-after"])).toBeGreaterThan(0);
  await attacker.dispose();

  // A browser that never signed in to this account is paused too, even with the right password...
  const stranger = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": uniqueClientIp() } });
  const strangerPage = await stranger.newPage();
  await strangerPage.goto("/login");
  await strangerPage.getByLabel("Email").fill(email);
  await strangerPage.getByLabel("Password").fill(world.password);
  await strangerPage.getByRole("button", { name: "Sign in" }).click();
  await expect(strangerPage.getByRole("alert").filter({ hasText: "Too many failed attempts" })).toBeVisible();
  await stranger.close();

  // ...but the patient's own browser signs in.
  await signIn(page, email, world.password);
  await expect(page).toHaveURL(/\/portal$/);
  await usual.close();
});
