import { readdirSync } from "node:fs";
import path from "node:path";
import { AREA_ROLES, areaOf, type Role } from "@/lib/auth/roles";
import { expect, test } from "./fixtures/test";
import type { PersonaName } from "./fixtures/world";

/**
 * Every page and route handler under app/, found on disk, is requested as an anonymous visitor and as
 * every persona. Protected pages must send anonymous visitors to /login and show other roles the 403
 * page; protected handlers must answer 401/403 JSON. Anything not public must belong to an area.
 */

const PUBLIC_PAGES = new Set(["/", "/login", "/book"]);
const PUBLIC_HANDLERS = new Set([
  "/api/health",
  "/api/auth/[...nextauth]",
  "/api/v1/services",
  "/api/v1/practitioners",
  "/api/v1/slots",
  "/api/v1/appointment-requests",
  "/api/v1/openapi.json",
]);
/** Public, but only with a signed token in the path: a forged one gets nothing. */
const TOKEN_GATED = new Set(["/manage/[token]", "/manage/[token]/calendar.ics", "/calendar/[token]"]);

const appDir = path.resolve(import.meta.dirname, "..", "app");
function routes(file: "page.tsx" | "route.ts") {
  return (readdirSync(appDir, { recursive: true }) as string[])
    .filter((f) => path.basename(f) === file)
    .map((f) => {
      const dir = path.dirname(f) === "." ? "" : path.dirname(f);
      const segments = dir.split(path.sep).filter((s) => s && !/^\(.*\)$/.test(s));
      return `/${segments.join("/")}`;
    });
}
// Dynamic segments get a well-formed id that matches nothing: the check must happen before the lookup.
const concrete = (route: string) => route.replace(/\[[^\]]+\]/g, "00000000-0000-4000-8000-000000000000");

const PERSONAS: PersonaName[] = ["patientA", "staff", "admin", "spine_physician", "massage_therapist"];
const roleOf: Record<string, Role> = { patientA: "patient", patientB: "patient", staff: "staff", admin: "admin" };
const personaRole = (p: PersonaName): Role => roleOf[p] ?? "practitioner";

const pages = routes("page.tsx");
const handlers = routes("route.ts");

test("the enumeration finds the app's pages and handlers", () => {
  expect(pages).toEqual(expect.arrayContaining(["/", "/login", "/portal", "/desk", "/cases", "/admin", "/admin/services"]));
  expect(handlers).toEqual(expect.arrayContaining(["/api/health"]));
});

for (const route of [...pages, ...handlers].filter((r) => TOKEN_GATED.has(r))) {
  test(`${route} shows nothing for a forged token`, async ({ request }) => {
    const forged = route.replace("[token]", "00000000-0000-4000-8000-000000000000.Zm9yZ2VkZm9yZ2VkZm9yZ2VkZm9yZ2VkZm9yZ2VkZm9yZ2Vk");
    const res = await request.get(forged);
    const text = await res.text();
    expect(text).not.toContain("BEGIN:VEVENT");
    if (route.endsWith(".ics") || route.startsWith("/calendar")) expect(res.status()).toBe(404);
    else expect(text).toContain("This link no longer works");
  });
}

for (const route of pages.filter((p) => !PUBLIC_PAGES.has(p) && !TOKEN_GATED.has(p))) {
  test(`page ${route} refuses anonymous and wrong-role visitors`, async ({ request, pageAs }) => {
    const area = areaOf(route);
    expect(area, `${route} is neither public nor in an area of lib/auth/roles.ts`).not.toBeNull();
    const url = concrete(route);

    const anon = await request.get(url, { maxRedirects: 0 });
    expect(anon.status(), `${route} anonymous`).toBe(307);
    expect(anon.headers().location).toContain(`/login?next=${encodeURIComponent(url)}`);

    const allowed = AREA_ROLES[area!] as readonly Role[];
    for (const persona of PERSONAS) {
      const page = await pageAs(persona);
      const response = await page.goto(url);
      if (allowed.includes(personaRole(persona))) {
        expect([200, 404], `${route} as ${persona}`).toContain(response?.status());
      } else {
        expect(response?.status(), `${route} as ${persona}`).toBe(403);
        await expect(page.getByRole("heading", { name: "This area is not part of your account" })).toBeVisible();
      }
    }
  });
}

for (const route of handlers.filter((h) => !PUBLIC_HANDLERS.has(h) && !TOKEN_GATED.has(h))) {
  test(`handler ${route} refuses anonymous callers with 401 JSON`, async ({ request }) => {
    for (const method of ["GET", "POST"] as const) {
      const res = await request.fetch(concrete(route), { method, maxRedirects: 0, failOnStatusCode: false });
      if (res.status() === 405) continue;
      expect(res.status(), `${method} ${route}`).toBe(401);
      expect((await res.json()).error.code).toBe("unauthenticated");
    }
  });
}
