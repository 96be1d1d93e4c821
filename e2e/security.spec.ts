import { expect, test, uniqueClientIp } from "./fixtures/test";

test.describe("headers, cookies and cross-site requests", () => {
  test("pages carry a nonce-based CSP and the other security headers, and run under them", async ({ page }) => {
    const violations: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
    });
    const res = await page.goto("/book");
    const h = res!.headers();
    const csp = h["content-security-policy"]!;
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    for (const directive of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"]) expect(csp).toContain(directive);
    expect(h["strict-transport-security"]).toContain("max-age=");
    expect(h["x-content-type-options"]).toBe("nosniff");
    expect(h["referrer-policy"]).toBe("same-origin");
    expect(h["permissions-policy"]).toContain("camera=()");
    // Every script the server sends carries this response's nonce (scripts Next loads later are allowed
    // by 'strict-dynamic' because a nonced script added them).
    const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
    const tags = (await res!.text()).match(/<script\b[^>]*>/g) ?? [];
    expect(tags.length).toBeGreaterThan(0);
    for (const tag of tags) expect(tag).toContain(`nonce="${nonce}"`);
    // The app still works: the booking flow hydrates and reacts.
    await page.getByRole("radio").first().check();
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByRole("heading", { name: /Step 2 of 6/ })).toBeVisible();
    expect(violations).toEqual([]);
  });

  test("JSON answers of the public API carry the security headers and a policy that allows nothing", async ({ request }) => {
    for (const path of ["/api/health", "/api/v1/services"]) {
      const h = (await request.get(path)).headers();
      expect(h["content-security-policy"]).toContain("default-src 'none'");
      expect(h["x-content-type-options"]).toBe("nosniff");
      expect(h["strict-transport-security"]).toContain("max-age=");
    }
  });

  test("the session cookie is HttpOnly and SameSite=Lax", async ({ browser, world }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto("/login");
    await page.getByLabel("Email").fill(world.accounts.staff.email);
    await page.getByLabel("Password").fill(world.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/desk/);
    const session = (await context.cookies()).find((c) => c.name.endsWith("backline.session"));
    expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
    await context.close();
  });

  test("data-changing route handlers refuse cross-site browser requests", async ({ request, world }) => {
    const body = { service: world.booking.cancel.slug };
    const attempts: Array<Record<string, string>> = [{ origin: "https://evil.example" }, { "sec-fetch-site": "cross-site" }, { origin: "null" }];
    for (const headers of attempts) {
      const res = await request.post("/api/v1/appointment-requests", { headers: { ...headers, "x-forwarded-for": uniqueClientIp() }, data: body });
      expect(res.status(), JSON.stringify(headers)).toBe(403);
      expect((await res.json()).error.code).toBe("cross_site");
    }
    const serverToServer = await request.post("/api/v1/appointment-requests", { headers: { "x-forwarded-for": uniqueClientIp() }, data: body });
    expect(serverToServer.status()).toBe(400);
  });

  test("API reads, public writes, manage links and sign-in answer 429 with Retry-After past their limits", async ({ request, world }) => {
    const ip = uniqueClientIp();
    let last = 0;
    for (let i = 0; i < 130 && last !== 429; i++) last = (await request.get("/api/v1/services", { headers: { "x-forwarded-for": ip } })).status();
    const limited = await request.get("/api/v1/services", { headers: { "x-forwarded-for": ip } });
    expect(limited.status()).toBe(429);
    expect(Number(limited.headers()["retry-after"])).toBeGreaterThan(0);

    const ics = `/manage/00000000-0000-4000-8000-000000000000.x/calendar.ics`;
    const ip2 = uniqueClientIp();
    for (let i = 0; i < 25; i++) await request.get(ics, { headers: { "x-forwarded-for": ip2 } });
    expect((await request.get(ics, { headers: { "x-forwarded-for": ip2 } })).status()).toBe(429);

    // Sign-in: ten wrong passwords from one address, then even the right one is refused with 429.
    const ip3 = uniqueClientIp();
    const csrf = async () => (await (await request.get("/api/auth/csrf", { headers: { "x-forwarded-for": ip3 } })).json()).csrfToken as string;
    for (let i = 0; i < 10; i++) {
      await request.post("/api/auth/callback/credentials", {
        headers: { "x-forwarded-for": ip3 },
        form: { csrfToken: await csrf(), email: `nobody${i}@example.test`, password: "wrong" },
        maxRedirects: 0,
      });
    }
    const locked = await request.post("/api/auth/callback/credentials", {
      headers: { "x-forwarded-for": ip3 },
      form: { csrfToken: await csrf(), email: world.accounts.staff.email, password: world.password },
      maxRedirects: 0,
    });
    expect(locked.status()).toBe(429);
    expect(Number(locked.headers()["retry-after"])).toBeGreaterThan(0);
  });
});
