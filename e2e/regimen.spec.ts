import { devices } from "@playwright/test";
import { expect, signIn, test } from "./fixtures/test";

test("a physical therapist assigns a plan from a template, the patient logs on a phone, the therapist sees adherence, and an edit keeps the old version", async ({ browser, pageAs, world }) => {
  // Two people, a sign-in and a dozen page loads on a small shared machine.
  test.setTimeout(90_000);
  const caseUrl = `/cases/${world.regimenCase.id}`;
  const physio = await pageAs("physical_therapist");
  await physio.goto(`${caseUrl}/regimen`);
  await physio.getByLabel("Start from a template").selectOption({ label: "Core stability" });
  await expect(physio.getByLabel("Exercise 5", { exact: true })).toBeVisible();
  await physio.getByLabel("Title").fill("Core stability for Robin");
  await physio.getByRole("button", { name: "Save and assign to the patient" }).click();
  await expect(physio.getByRole("status").filter({ hasText: "Saved as version 1" })).toBeVisible();

  // The patient, on a phone.
  const { defaultBrowserType: _browser, ...pixel } = devices["Pixel 7"];
  const phone = await browser.newContext(pixel);
  const page = await phone.newPage();
  await signIn(page, world.accounts.regimenPatient.email, world.password);
  await page.goto("/portal");
  const today = page.getByRole("list", { name: "Today's exercises" });
  await expect(today.getByRole("listitem")).toHaveCount(5);
  const bridge = today.getByRole("listitem").filter({ hasText: "Glute bridge" });
  await bridge.getByRole("button", { name: /Mark done/ }).click();
  await expect(bridge.getByText("Done 1 of 1 today")).toBeVisible();
  const birdDog = today.getByRole("listitem").filter({ hasText: "Bird dog" });
  await birdDog.getByLabel("Sets done").selectOption("1");
  await birdDog.getByRole("button", { name: /Mark done/ }).click();
  await page.getByRole("radio", { name: "3 out of 10" }).check({ force: true });
  await page.getByLabel("Anything to tell your therapist? (optional)").fill("Bridges are fine, bird dog is wobbly.");
  await page.getByRole("button", { name: "Save today" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved. Your therapist can see today's entry." })).toBeVisible();
  await expect(page.getByText(/saved on this phone but not sent yet|Sending your log/)).toHaveCount(0);
  // Once sent, what was logged stays on screen (it must not flip back to "not done" and invite a second log).
  await expect(bridge.getByText("Done 1 of 1 today")).toBeVisible();
  await expect(birdDog.getByText("Done 1 of 1 today")).toBeVisible();
  // What was sent survives a reload: it came back from the server.
  await page.reload();
  await expect(page.getByRole("list", { name: "Today's exercises" }).getByRole("listitem").filter({ hasText: "Glute bridge" }).getByText("Done 1 of 1 today")).toBeVisible();
  await phone.close();

  await physio.goto(caseUrl);
  const weeks = physio.getByRole("table", { name: "Adherence per week" });
  await expect(weeks.getByRole("row")).toHaveCount(2);
  await expect(weeks.getByRole("row").nth(1)).not.toContainText(" 0%");
  await expect(physio.getByRole("table", { name: "Pain logged at home" })).toContainText("bird dog is wobbly");
  // Charts say what they show: exercises by name, days on the time axis.
  await expect(physio.getByRole("img", { name: "Adherence per exercise" })).toContainText("Glute bridge");
  await expect(physio.getByRole("img", { name: "Pain logged at home (0–10)" })).toContainText(/(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{1,2}/);

  // An edit: drop the last exercise. Version 2 is current; version 1 is still readable.
  await physio.goto(`${caseUrl}/regimen`);
  await physio.getByRole("button", { name: "Remove exercise 5" }).click();
  await physio.getByRole("button", { name: "Save and assign to the patient" }).click();
  await expect(physio.getByRole("status").filter({ hasText: "Saved as version 2" })).toBeVisible();
  await physio.reload();
  await expect(physio.getByLabel("Version 2")).toContainText("(current)");
  await expect(physio.getByLabel("Version 1").getByRole("listitem")).toHaveCount(5);
  await expect(physio.getByLabel("Version 2").getByRole("listitem")).toHaveCount(4);
});

test("a regimen longer than six exercises gets a gentle warning, and a bad dose a field error", async ({ pageAs, world }) => {
  const physio = await pageAs("physical_therapist");
  await physio.goto(`/cases/${world.regimenCase.id}/regimen`);
  await physio.getByLabel("Start from a template").selectOption({ label: "Core stability" });
  await expect(physio.getByLabel("Title")).toHaveValue("Core stability");
  // Another template replaces the title with its own, whatever plan came before.
  await physio.getByLabel("Start from a template").selectOption({ label: "Hips and hamstrings" });
  await expect(physio.getByLabel("Title")).toHaveValue("Hips and hamstrings");
  // A title the practitioner typed is theirs: a template keeps it.
  await physio.getByLabel("Title").fill("Robin's own plan");
  await physio.getByLabel("Start from a template").selectOption({ label: "Core stability" });
  await expect(physio.getByLabel("Title")).toHaveValue("Robin's own plan");
  await physio.getByRole("button", { name: "Add an exercise" }).click();
  await physio.getByRole("button", { name: "Add an exercise" }).click();
  await expect(physio.getByText("People follow shorter programmes better")).toBeVisible();
  await physio.getByLabel("Sets", { exact: true }).first().fill("0");
  await physio.getByRole("button", { name: "Save and assign to the patient" }).click();
  await expect(physio.getByText("1 to 10 sets")).toBeVisible();
});

test("a log the clinic refuses, or one sent after the session ended, says so and waits for the patient", async ({ pageAs }) => {
  const page = await pageAs("patientA");
  let answer = 401;
  await page.route("**/api/portal/plan-logs", (route) =>
    route.fulfill({
      status: answer,
      contentType: "application/json",
      body: JSON.stringify({ error: { code: answer === 401 ? "unauthenticated" : "invalid", message: "Logs can be for the last two months up to today." } }),
    }),
  );
  await page.goto("/portal");
  const tilt = page.getByRole("list", { name: "Today's exercises" }).getByRole("listitem").filter({ hasText: "Pelvic tilt" });
  await tilt.getByRole("button", { name: /Mark done/ }).click();
  await expect(page.getByText(/saved on this phone, but your session has ended/)).toBeVisible();
  await expect(page.getByRole("link", { name: "Sign in again" })).toHaveAttribute("href", "/login?next=/portal");
  await expect(tilt.getByText("Done 1 of 1 today")).toBeVisible();

  answer = 400;
  await page.reload();
  await expect(page.getByText("The clinic did not accept this entry: Logs can be for the last two months up to today. It is still on this phone.")).toBeVisible();
  await page.getByRole("button", { name: "Discard it" }).click();
  await expect(page.getByText(/did not accept|saved on this phone/)).toHaveCount(0);
  await expect(tilt.getByText("Not done yet today")).toBeVisible();
});
