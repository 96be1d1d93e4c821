import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { AREA_ROLES, areaOf, type Role } from "@/lib/auth/roles";
import { emailedCode, expect, test } from "./fixtures/test";
import { appRoutes, concreteUrl } from "./fixtures/routes";
import { readWorld, type PersonaName } from "./fixtures/world";

/**
 * axe-core on every page, as every role that may open it: no serious or critical violations (WCAG 2.1
 * A/AA rules). Then the booking flow with the keyboard alone, with focus visible all the way.
 */

const world = readWorld();
const pages = appRoutes("page.tsx");
const urlOf = (route: string) => concreteUrl(world, route);

const PERSONA_FOR: Array<[PersonaName | "anonymous", Role | null]> = [
  ["anonymous", null],
  ["patientA", "patient"],
  ["staff", "staff"],
  ["spine_physician", "practitioner"],
  ["massage_therapist", "practitioner"],
  ["admin", "admin"],
];

async function audit(page: Page, url: string) {
  await page.goto(url);
  await page.waitForLoadState("networkidle");
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${url}: ${v.id} (${v.impact}) ${v.nodes
          .map((n) => n.target.join(" "))
          .slice(0, 3)
          .join(", ")}`,
    );
  // Contrast axe could not decide is not a pass: white text on a white button once sat in this list. Left
  // out are only what axe cannot judge by construction: text inside our SVG charts (fixed dark-on-white
  // colours), marks that are not text, and list items scrolled out of view inside a scrolling list.
  const undecided: string[] = [];
  for (const result of results.incomplete.filter((r) => r.id === "color-contrast")) {
    for (const node of result.nodes) {
      const why = node.any.map((c) => c.message).join(" ");
      const selector = node.target.join(" ");
      if (/too short|non-text characters/.test(why)) continue;
      if (
        /image node/.test(why) &&
        (await page
          .locator(selector)
          .first()
          .evaluate((el) => el.closest("svg") !== null))
      )
        continue;
      if (/partially obscured/.test(why) && (await page.locator(selector).first().evaluate(clippedByScrollingAncestor))) continue;
      undecided.push(`${url}: contrast undecided at ${selector}: ${why}`);
    }
  }
  return [...serious, ...undecided];
}

/** True when a scrolling ancestor has scrolled the element (partly) out of its visible box. */
function clippedByScrollingAncestor(el: Element): boolean {
  for (let p = el.parentElement; p; p = p.parentElement) {
    const style = getComputedStyle(p);
    if (/(auto|scroll)/.test(style.overflowY) && p.scrollHeight > p.clientHeight) {
      const box = el.getBoundingClientRect();
      const view = p.getBoundingClientRect();
      return box.top < view.top || box.bottom > view.bottom;
    }
  }
  return false;
}

for (const [persona, role] of PERSONA_FOR) {
  test(`every page ${persona === "anonymous" ? "a visitor" : persona} may open passes axe`, async ({ page, pageAs }) => {
    test.setTimeout(300_000); // every page of the role, each analysed by axe: minutes on a busy 2-core machine
    const target = persona === "anonymous" ? page : await pageAs(persona);
    const mine = pages.filter((route) => {
      const area = areaOf(route);
      if (!area) return role === null; // public pages, checked once, as a visitor
      return role !== null && (AREA_ROLES[area] as readonly Role[]).includes(role);
    });
    expect(mine.length).toBeGreaterThan(0);
    const problems: string[] = [];
    for (const route of mine) problems.push(...(await audit(target, urlOf(route))));
    expect(problems).toEqual([]);
  });
}

/** Presses Tab until `name` has focus (keyboard only), checking the focus ring is visible. */
async function tabTo(page: Page, accessibleName: RegExp | string, role?: string) {
  for (let i = 0; i < 120; i++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return null;
      const labelled = el.getAttribute("aria-label") ?? (el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null) ?? el.closest("label")?.textContent ?? el.textContent ?? "";
      const style = getComputedStyle(el);
      const ring = el.closest("label") ? getComputedStyle(el.closest("label")!) : style;
      return {
        name: labelled.trim(),
        role: el.getAttribute("role") ?? el.tagName.toLowerCase(),
        type: (el as HTMLInputElement).type,
        visible: style.outlineStyle !== "none" || ring.outlineStyle !== "none" || style.boxShadow !== "none",
      };
    });
    if (!focused) continue;
    const matches = typeof accessibleName === "string" ? focused.name.includes(accessibleName) : accessibleName.test(focused.name);
    if (matches && (!role || focused.role === role || focused.type === role)) {
      expect(focused.visible, `focus ring on ${focused.name}`).toBe(true);
      return;
    }
  }
  throw new Error(`could not reach ${accessibleName} with the keyboard`);
}

test("booking with the keyboard alone", async ({ page, pageAs, world: w }) => {
  test.setTimeout(90_000);
  const { slug, practitionerName } = w.booking.keyboard;
  await page.goto(`/book?service=${slug}`);
  await expect(page.getByRole("button", { name: "Continue" })).toBeEnabled();
  // A radio group is one Tab stop; arrow keys move within it (and select).
  await tabTo(page, "First available", "radio");
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("radio", { name: practitionerName })).toBeChecked();
  await tabTo(page, "Continue", "button");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: /Step 3 of 6/ })).toBeFocused();
  await expect(page.getByRole("group", { name: /^Time on/ })).toBeVisible();
  await tabTo(page, /^\d{1,2}:\d{2} (AM|PM)$/, "button");
  await page.keyboard.press("Enter");
  await tabTo(page, "Continue", "button");
  await page.keyboard.press("Enter");
  await tabTo(page, "When did this pain start?");
  await page.keyboard.type("10012026");
  await tabTo(page, "0 out of 10", "radio");
  for (let i = 0; i < 6; i++) await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("radio", { name: "6 out of 10" })).toBeChecked();
  for (let i = 0; i < 11; i++) {
    await tabTo(page, "Yes", "radio");
    await page.keyboard.press("ArrowDown");
  }
  await expect(page.getByRole("radio", { name: "No" })).toHaveCount(11);
  for (const no of await page.getByRole("radio", { name: "No" }).all()) await expect(no).toBeChecked();
  await tabTo(page, "Continue", "button");
  await page.keyboard.press("Enter");
  for (const [label, value] of [
    ["Full name", "Kim Keyboard"],
    ["Email", "kim.keyboard@example.test"],
    ["Phone", "+1 212 555 0190"],
  ] as const) {
    await tabTo(page, label);
    await page.keyboard.type(value);
  }
  await tabTo(page, "Date of birth");
  await page.keyboard.type("04121985");
  await tabTo(page, "Email me a code", "button");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "We sent a code to kim.keyboard@example.test" })).toBeVisible();
  const code = await emailedCode(await pageAs("admin"), "kim.keyboard@example.test");
  await tabTo(page, "6-digit code");
  await page.keyboard.type(code);
  await tabTo(page, "Continue", "button");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: /Step 6 of 6/ })).toBeVisible();
  await tabTo(page, "Book appointment", "button");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "You're booked" })).toBeVisible();
});
