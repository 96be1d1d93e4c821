import { emailedCode, expect, test, uniqueClientIp } from "./fixtures/test";

/**
 * The hands-on gate across paths (issue 9): a massage for a patient whose case carries an uncleared
 * emergency flag is never confirmed — not through the public API with clean answers, not through
 * propose-and-accept — the desk sees which flag blocks it and who clears it, and once a spine physician
 * clears it the desk can confirm.
 */
test.describe("the hands-on gate", () => {
  test("a clean massage request from a patient with an uncleared case flag stays a request the desk cannot confirm", async ({ request, pageAs, world }) => {
    const { slug, practitionerId, apiPatient } = world.gate;
    const from = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    const to = new Date(Date.now() + 12 * 86_400_000).toISOString().slice(0, 10);
    const slots = (await (await request.get(`/api/v1/slots?service=${slug}&practitioner=${practitionerId}&from=${from}&to=${to}`)).json()).slots as Array<{ start: string }>;
    const res = await request.post("/api/v1/appointment-requests", {
      headers: { "x-forwarded-for": uniqueClientIp() },
      data: {
        service: slug,
        practitionerId,
        start: slots[0]!.start,
        patient: { name: apiPatient.name, email: apiPatient.email, phone: "+1 212 555 0123", dateOfBirth: apiPatient.dateOfBirth },
        intake: { painStartedOn: "2026-10-01", painScore: 4, redFlags: [], notes: "" },
      },
    });
    expect(res.status()).toBe(201);
    const pending = await res.json();
    // Until the address's owner proves it, the request touches nobody's record (issue 10)...
    expect(pending).toMatchObject({ status: "pending_verification", priority: "routine" });
    // ...and once verified, the gate sees the whole record: the case's uncleared emergency flag holds it.
    const verified = await request.post(`/api/v1/appointment-requests/${pending.id}/verification`, {
      headers: { "x-forwarded-for": uniqueClientIp() },
      data: { code: await emailedCode(await pageAs("admin"), apiPatient.email) },
    });
    expect(verified.status()).toBe(200);
    expect(await verified.json()).toMatchObject({ status: "requested", priority: "emergency" });

    const desk = await pageAs("staff");
    await desk.goto("/desk");
    const card = desk.getByLabel(`Request from ${apiPatient.name}`);
    await expect(card).toContainText("Hands-on care on hold");
    await expect(card).toContainText("Numbness around your groin, buttocks or inner thighs?");
    await expect(card).toContainText("a spine physician can clear it");
    await expect(card.getByRole("button", { name: "Confirm" })).toHaveCount(0);
  });

  test("propose then accept stays a request; a spine physician clears the flag and the desk confirms", async ({ page, pageAs, world }) => {
    test.setTimeout(90_000); // four people and a dozen pages in one journey
    const { proposePatient } = world.gate;
    const desk = await pageAs("staff");
    await desk.goto("/desk");
    const card = desk.getByLabel(`Request from ${proposePatient.name}`);
    await expect(card).toContainText("Hands-on care on hold");
    await card.getByText("Propose another time").click();
    // The same free-time picker as booking (no raw date to type): the same time a day later, New York clock.
    const proposal = card.getByRole("form", { name: /^Propose another time/ });
    await expect(card.locator('input[type="datetime-local"]')).toHaveCount(0);
    const next = new Date(new Date(proposePatient.startsAt).getTime() + 86_400_000);
    const zoned = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat("en-CA", { timeZone: "America/New_York", ...options }).format(next);
    await proposal.getByLabel("Day").fill(zoned({ year: "numeric", month: "2-digit", day: "2-digit" }));
    const time = new Intl.DateTimeFormat("en-US", { timeZone: "America/New_York", hour: "numeric", minute: "2-digit" }).format(next);
    await proposal
      .locator("label")
      .filter({ hasText: new RegExp(`^${time.replace(/\s/g, "\\s")}$`) })
      .click();
    await card.getByRole("button", { name: "Send proposal" }).click();
    await expect(card.getByRole("status").filter({ hasText: "Proposed. The patient has been emailed" })).toBeVisible();
    await expect(card).toContainText("Proposed to the patient");

    await page.goto(proposePatient.managePath);
    await page.getByRole("button", { name: "Accept the new time" }).click();
    await expect(page.getByRole("status").filter({ hasText: "The clinic confirms it once it has been reviewed" })).toBeVisible();
    await expect(page.getByText("Requested", { exact: true })).toBeVisible();

    // The nurse cannot clear an emergency flag; the spine physician can.
    const nurse = await pageAs("nurse");
    await nurse.goto(`/cases/${proposePatient.caseId}`);
    await expect(nurse.getByText("Only a spine physician can clear this flag.")).toBeVisible();
    const physician = await pageAs("spine_physician");
    await physician.goto(`/cases/${proposePatient.caseId}`);
    await expect(physician.getByText("Hands-on care on hold")).toBeVisible();
    await physician.getByText("Clear this flag").click();
    await physician.getByLabel("Clinical note (why it is safe to go ahead)").fill("Seen today: normal saddle sensation and bladder function.");
    await physician.getByRole("button", { name: "Clear red flag" }).click();
    // The page re-renders with the flag cleared, its note in the history, and nothing on hold.
    await expect(physician.getByText(/cleared by .* — Seen today: normal saddle sensation/)).toBeVisible();
    await expect(physician.getByText("Hands-on care on hold")).toHaveCount(0);

    await desk.reload();
    const released = desk.getByLabel(`Request from ${proposePatient.name}`);
    await expect(released).not.toContainText("Hands-on care on hold");
    await released.getByRole("button", { name: "Confirm" }).click();
    await expect(desk.getByLabel(`Request from ${proposePatient.name}`)).toHaveCount(0);
    await page.reload();
    await expect(page.getByText("Confirmed", { exact: true })).toBeVisible();
  });
});
