import { expect, test, uniqueClientIp } from "./fixtures/test";

/**
 * Verified identity (issue 10): a request sent with someone's email and date of birth stays on its own
 * until proved; the desk checks a caller by phone and links the request to their record.
 */
test("the desk verifies a caller by phone and links the request; the patient then sees it in the portal", async ({ request, pageAs, world }) => {
  test.skip(test.info().project.name === "phone", "a desk journey: run once, on the desktop");
  const { slug, practitionerId, name } = world.booking.verify;
  const from = new Date(Date.now() + 4 * 86_400_000).toISOString().slice(0, 10);
  const to = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
  const slots = (await (await request.get(`/api/v1/slots?service=${slug}&practitioner=${practitionerId}&from=${from}&to=${to}`)).json()).slots as Array<{ start: string }>;
  const res = await request.post("/api/v1/appointment-requests", {
    headers: { "x-forwarded-for": uniqueClientIp() },
    data: {
      service: slug,
      practitionerId,
      start: slots[0]!.start,
      // Patient B's email and date of birth, typed by someone on a call with the desk.
      patient: { name: world.patientB.name, email: world.accounts.patientB.email, phone: "+1 646 555 0177", dateOfBirth: "1980-01-01" },
      intake: { painStartedOn: "2026-10-01", painScore: 3, redFlags: [], notes: "" },
    },
  });
  expect(res.status()).toBe(201);
  expect(await res.json()).toMatchObject({ status: "pending_verification" });

  // Nothing of it is in Patient B's portal yet.
  const patient = await pageAs("patientB");
  await patient.goto("/portal");
  await expect(patient.getByText(name)).toHaveCount(0);

  const desk = await pageAs("staff");
  await desk.goto("/desk");
  const card = desk.getByLabel(`Request from ${world.patientB.name}`);
  await expect(card).toContainText("Unverified online request");
  await expect(card.getByRole("button", { name: "Confirm", exact: true })).toHaveCount(0);
  await card.getByRole("radio", { name: new RegExp(`^${world.patientB.name}, born 1980-01-01`) }).check();
  await card.getByRole("button", { name: "Verified by phone: link the request" }).click();
  // Verified and routed: a clean massage is confirmed, so it leaves the list of requests.
  await expect(desk.getByLabel(`Request from ${world.patientB.name}`)).toHaveCount(0);

  await patient.reload();
  await expect(patient.getByText(name).first()).toBeVisible();
});
