import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { RED_FLAGS } from "@/lib/triage/red-flags";
import { expect, test } from "./fixtures/test";

/**
 * Issue 12: the front desk's scheduler grid at /desk/calendar, at a location of the world's own (Chicago
 * time, two massage therapists sharing one massage room). The desk books by clicking a free time for an
 * existing patient, moves the visit by dragging it to the other therapist and then with the keyboard,
 * and cancels it with a reason (the email is in the outbox). An admin closes a day: the grid shows it
 * closed and /book's free times for that day are gone. axe finds nothing serious on the grid.
 */

test.describe.configure({ mode: "serial" });

const next = (page: Page) => page.getByRole("button", { name: "Continue" }).click();
const gridUrl = (locationId: string, day: string) => `/desk/calendar?location=${locationId}&date=${day}&view=day`;

test("the desk books a free time from the grid, drags it, moves it by keyboard and cancels it", async ({ pageAs, world }) => {
  test.setTimeout(120_000);
  const { locationId, practitioners, patient, serviceName, day } = world.grid;
  const [ada, bo] = practitioners;
  const desk = await pageAs("staff");
  // Tall enough that the whole day is in view: a drag is a mouse gesture, not a scroll.
  await desk.setViewportSize({ width: 1280, height: 1600 });
  await desk.goto(gridUrl(locationId, day));
  const grid = desk.getByRole("table", { name: /^Practitioners on / });
  await expect(grid).toContainText("Central");
  await expect(grid.getByRole("columnheader", { name: ada.name })).toBeVisible();
  await expect(grid.getByRole("columnheader", { name: bo.name })).toBeVisible();
  // Lunch is shown as a break, not as a free time.
  await expect(grid.getByRole("link", { name: `Book 12:00 PM with ${ada.name}` })).toHaveCount(0);

  // Click a free time → choose the patient → the usual intake, with the time and practitioner chosen.
  await grid.getByRole("link", { name: `Book 10:00 AM with ${ada.name}` }).click();
  await expect(desk.getByRole("status").filter({ hasText: "Booking" })).toContainText(`10:00 AM CST with ${ada.name}`);
  await desk.getByLabel("Name, email or date of birth").fill(patient.name);
  await desk.getByRole("button", { name: "Search" }).click();
  await desk.getByRole("link", { name: `Book ${patient.name} at` }).click();
  await expect(desk.getByRole("heading", { name: `Book for ${patient.name}` })).toBeVisible();
  await desk.getByRole("radio", { name: serviceName }).check();
  await next(desk);
  await expect(desk.getByRole("radio", { name: ada.name })).toBeChecked();
  await next(desk);
  await expect(desk.getByRole("status").filter({ hasText: "Chosen:" })).toContainText(`10:00 AM with ${ada.name}`);
  await next(desk);
  await desk.getByLabel("When did this pain start?").fill("2026-10-01");
  await desk.getByRole("radio", { name: "3 out of 10" }).check({ force: true });
  for (const flag of RED_FLAGS) await desk.getByRole("group", { name: flag.question }).getByLabel("No").check();
  await next(desk);
  await next(desk);
  await desk.getByRole("button", { name: "Book appointment" }).click();
  await expect(desk).toHaveURL(/\/desk\/appointments\/[0-9a-f-]{36}$/);

  // On the grid, in Ada's column at 10:00 (dragging needs the page hydrated).
  await desk.goto(gridUrl(locationId, day));
  await desk.waitForLoadState("networkidle");
  const block = desk.locator("[data-appointment]", { hasText: patient.name });
  await expect(block).toContainText("10:00–11:00 AM");
  const columnOf = async () => {
    const cell = block.locator("xpath=ancestor::td[1]");
    const index = await cell.evaluate((td) => (td as HTMLTableCellElement).cellIndex);
    return index;
  };
  const adaIndex = await grid.getByRole("columnheader").evaluateAll((ths, name) => ths.findIndex((th) => th.textContent?.startsWith(name as string)), ada.name);
  expect(adaIndex).toBeGreaterThan(0);

  // Drag it to Bo at 2:00 PM: a reason, then it moves (the patient is emailed).
  await block.dragTo(grid.getByRole("link", { name: `Book 2:00 PM with ${bo.name}` }));
  const dropDialog = desk.getByRole("dialog", { name: `Move ${patient.name}'s ${serviceName}` });
  await expect(dropDialog).toContainText(`2:00 PM with ${bo.name}`);
  await dropDialog.getByLabel("Reason").selectOption({ label: "Practitioner ill" });
  await dropDialog.getByRole("button", { name: "Move and email the patient" }).click();
  await expect(dropDialog).toBeHidden();
  await expect(block).toContainText("2:00–3:00 PM");
  expect(await columnOf()).not.toBe(adaIndex);

  // By keyboard: Move or cancel → Move → Ada, 3:00 PM, a reason.
  await block.getByRole("button", { name: /^Move or cancel/ }).focus();
  await desk.keyboard.press("Enter");
  const dialog = desk.getByRole("dialog", { name: new RegExp(`^${patient.name}`) });
  await expect(dialog).toBeVisible();
  await dialog.locator("summary", { hasText: "Move" }).focus();
  await desk.keyboard.press("Enter");
  const move = dialog.getByRole("form", { name: /^Move / });
  await move.getByLabel("Practitioner").selectOption({ label: ada.name });
  await move.getByRole("group", { name: "Free time" }).getByText("3:00 PM", { exact: true }).click();
  await move.getByLabel("Reason").selectOption({ label: "The patient called" });
  await move.getByRole("button", { name: "Move and email the patient" }).focus();
  await desk.keyboard.press("Enter");
  await expect(move.getByRole("status")).toHaveText("Moved. The patient has been emailed.");
  await dialog.getByRole("button", { name: "Close" }).click();
  await desk.reload();
  await desk.waitForLoadState("networkidle");
  await expect(block).toContainText("3:00–4:00 PM");
  expect(await columnOf()).toBe(adaIndex);

  // Cancel with a reason; the patient's email is in the outbox.
  await block.getByRole("button", { name: /^Move or cancel/ }).click();
  await dialog.locator("summary", { hasText: "Cancel" }).click();
  const cancel = dialog.getByRole("form", { name: /^Cancel / });
  await cancel.getByLabel("Reason").selectOption({ label: "Practitioner ill" });
  await cancel.getByRole("button", { name: "Cancel and email the patient" }).click();
  await expect(cancel.getByRole("status")).toHaveText("Cancelled. The patient has been emailed.");
  await dialog.getByRole("button", { name: "Close" }).click();
  await desk.reload();
  await expect(desk.locator("[data-appointment]", { hasText: patient.name })).toHaveCount(0);

  const admin = await pageAs("admin");
  await admin.goto("/admin/outbox");
  await expect(admin.locator("summary", { hasText: `to ${patient.email.toLowerCase()}` }).filter({ hasText: `Cancelled: ${serviceName}` })).toBeVisible();
});

test("a drop on a time the room cannot take is refused with the reason and the block stays", async ({ pageAs, world }) => {
  const { locationId, practitioners, roomMoverName, serviceName, day } = world.grid;
  const bo = practitioners[1];
  const desk = await pageAs("staff");
  await desk.setViewportSize({ width: 1280, height: 1600 });
  await desk.goto(gridUrl(locationId, day));
  await desk.waitForLoadState("networkidle");
  const grid = desk.getByRole("table", { name: /^Practitioners on / });
  // Bo is free at 9:00, but the location's only massage room is taken by Ada's visit then.
  const block = desk.locator("[data-appointment]", { hasText: roomMoverName });
  await expect(block).toContainText("11:00 AM–12:00 PM");
  await block.dragTo(grid.getByRole("link", { name: `Book 9:00 AM with ${bo.name}` }));
  const dropDialog = desk.getByRole("dialog", { name: `Move ${roomMoverName}'s ${serviceName}` });
  await dropDialog.getByLabel("Reason").selectOption({ label: "The patient called" });
  await dropDialog.getByRole("button", { name: "Move and email the patient" }).click();
  await expect(dropDialog.getByRole("alert")).toContainText("No room");
  await expect(dropDialog.getByRole("alert")).toContainText("The appointment stays where it was.");
  await dropDialog.getByRole("button", { name: "Close" }).click();
  await desk.reload();
  await expect(block).toContainText("11:00 AM–12:00 PM");
});

test("an admin closes a day: the grid shows it closed and /book stops offering it", async ({ pageAs, page, world }) => {
  const { locationId, locationName, serviceSlug, closureDay } = world.grid;
  const slots = async () => {
    const res = await page.request.get(`/api/v1/slots?service=${serviceSlug}&location=${locationId}&from=${closureDay}&to=${closureDay}`);
    expect(res.status()).toBe(200);
    return ((await res.json()) as { slots: unknown[] }).slots.length;
  };
  expect(await slots()).toBeGreaterThan(0);

  const admin = await pageAs("admin");
  await admin.goto("/admin/locations");
  const form = admin.locator("form", { has: admin.getByRole("button", { name: "Close these days" }) });
  await form.getByLabel("Location").selectOption({ label: locationName });
  await form.getByLabel("First day closed").fill(closureDay);
  await form.getByLabel("Last day closed").fill(closureDay);
  await form.getByLabel("Reason (staff only)").fill("Boiler repair");
  await form.getByRole("button", { name: "Close these days" }).click();
  await expect(form.getByRole("status")).toContainText("Closed.");

  expect(await slots()).toBe(0);
  const desk = await pageAs("staff");
  await desk.goto(gridUrl(locationId, closureDay));
  const grid = desk.getByRole("table", { name: /^Practitioners on / });
  await expect(grid).toContainText("Closed · Boiler repair");
  await expect(grid.getByRole("link", { name: /^Book / })).toHaveCount(0);
});

test("axe finds nothing serious on the grid, day and week, by practitioner and by room", async ({ pageAs, world }) => {
  test.setTimeout(90_000); // four grids, each analysed whole
  const desk = await pageAs("staff");
  for (const query of ["view=day", "view=week", "view=day&by=room", "view=week&by=room"]) {
    await desk.goto(`/desk/calendar?location=${world.grid.locationId}&date=${world.grid.day}&${query}`);
    await desk.waitForLoadState("networkidle");
    const results = await new AxeBuilder({ page: desk }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${query}: ${v.id}`)).toEqual([]);
    // Contrast axe could not decide (text over an image or a gradient) counts too.
    expect(
      results.incomplete
        .filter((v) => v.id === "color-contrast")
        .flatMap((v) => v.nodes.map((n) => `${query}: ${n.target.join(" ")} — ${n.any.map((c) => `${c.message} (${(c.relatedNodes ?? []).map((r) => r.html.slice(0, 80)).join(", ")})`).join("; ")}`)),
    ).toEqual([]);
  }
});
