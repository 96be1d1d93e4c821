import { expect, test } from "./fixtures/test";

test("the regimen builder finds exercises by name, body area, position and equipment, with thumbnails, and adds one with the keyboard", async ({ pageAs, world }) => {
  const physio = await pageAs("physical_therapist");
  await physio.goto(`/cases/${world.regimenCase.id}/regimen`);
  const finder = physio.getByRole("region", { name: "Find an exercise" });
  const results = finder.getByRole("list", { name: "Matching exercises" });
  await expect(finder.getByRole("status")).toHaveText("27 exercises match");

  await finder.getByLabel("Search by name").fill("bridge");
  await expect(results.getByRole("listitem")).toHaveCount(1);
  const bridge = results.getByRole("listitem").filter({ hasText: "Glute bridge" });
  await expect(bridge.getByRole("img", { name: /Lying on the back, knees bent/ })).toHaveAttribute("loading", "lazy");

  await finder.getByLabel("Search by name").fill("");
  await finder.getByLabel("Body area").selectOption({ label: "Core" });
  await finder.getByLabel("Position").selectOption({ label: "All fours" });
  await expect(results.getByRole("listitem")).toHaveCount(1);
  await expect(results).toContainText("Bird dog");
  await finder.getByLabel("Body area").selectOption({ label: "Any" });
  await finder.getByLabel("Position").selectOption({ label: "Any" });
  await finder.getByLabel("Equipment").selectOption({ label: "Foam roller" });
  await expect(finder.getByRole("status")).toHaveText("2 exercises match");

  // Keyboard only: from the search box to the "Add" button of the one match, Enter adds it to the plan.
  await finder.getByLabel("Equipment").selectOption({ label: "Any" });
  await finder.getByLabel("Search by name").fill("dead bug");
  await finder.getByLabel("Search by name").focus();
  const add = results.getByRole("listitem").filter({ hasText: "Dead bug" }).getByRole("button");
  await expect(add).toHaveAccessibleName("Add Dead bug");
  for (let i = 0; i < 10 && !(await add.evaluate((el) => el === document.activeElement)); i++) await physio.keyboard.press("Tab");
  await expect(add).toBeFocused();
  await physio.keyboard.press("Enter");
  const plan = physio.getByRole("list", { name: "Exercises in the plan" });
  await expect(
    plan
      .getByRole("listitem")
      .last()
      .getByLabel(/^Exercise \d+$/)
      .locator("option:checked"),
  ).toHaveText(/Dead bug/);
  await expect(
    plan
      .getByRole("listitem")
      .last()
      .getByRole("img", { name: /arms pointing to the ceiling/ }),
  ).toBeVisible();
  await expect(add).toHaveText(/In the plan/);
  await expect(add).toBeDisabled();
});

test("a practitioner uploads a picture: an SVG is refused, a PNG becomes the exercise's picture, served as an image with nosniff", async ({ pageAs }) => {
  const physio = await pageAs("physical_therapist");
  await physio.goto("/cases/exercises");
  const card = physio.getByRole("listitem").filter({ has: physio.getByRole("heading", { name: "Wall sit" }) });
  await card.getByText("Upload a picture").click();
  await card.getByLabel("What it shows").fill("Back against the wall, knees bent");
  await card.getByLabel("Licence").fill("Own photo");
  await card.getByLabel("Made by").fill("Sofia L.");
  await card.getByLabel(/^Picture \(PNG/).setInputFiles({ name: "wall.png", mimeType: "image/png", buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>') });
  await card.getByRole("button", { name: "Upload picture for Wall sit" }).click();
  await expect(card.getByText("Use a PNG, JPEG or WebP picture")).toBeVisible();

  const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");
  await card.getByLabel(/^Picture \(PNG/).setInputFiles({ name: "wall.png", mimeType: "image/png", buffer: png });
  await card.getByRole("button", { name: "Upload picture for Wall sit" }).click();
  await expect(card.getByRole("status").filter({ hasText: "Picture saved." })).toBeVisible();
  const img = card.getByRole("img", { name: "Start position: Back against the wall, knees bent" });
  await expect(img).toBeVisible();
  await expect(card.getByText("Pictures: Sofia L., Own photo")).toBeVisible();
  const res = await physio.request.get((await img.getAttribute("src"))!);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toBe("image/png");
  expect(res.headers()["x-content-type-options"]).toBe("nosniff");
  expect(Buffer.from(await res.body()).equals(png)).toBe(true);
});
