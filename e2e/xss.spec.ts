import { emailedCode, expect, test, uniqueClientIp } from "./fixtures/test";

const PAYLOAD = `<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>javascript:alert(1)<svg onload="window.__xss=3">`;
const NAME = `Xavier <img src=x onerror="window.__xss=4"><svg onload="window.__xss=5">`;

test("script, image-error, javascript: and SVG payloads are shown as text everywhere", async ({ request, pageAs, world }) => {
  test.setTimeout(90_000); // five pages as four people, and the outbox
  const { slug, practitionerId } = world.booking.cancel;
  const today = new Date().toISOString().slice(0, 10);
  const to = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
  const slots = (await (await request.get(`/api/v1/slots?service=${slug}&practitioner=${practitionerId}&from=${today}&to=${to}`, { headers: { "x-forwarded-for": uniqueClientIp() } })).json())
    .slots as Array<{ start: string }>;
  const res = await request.post("/api/v1/appointment-requests", {
    headers: { "x-forwarded-for": uniqueClientIp() },
    data: {
      service: slug,
      practitionerId,
      start: slots.at(-1)!.start,
      patient: { name: NAME, email: "xavier@example.test", phone: "+1 212 555 0142", dateOfBirth: "1990-05-05" },
      intake: { painStartedOn: "2026-10-01", painScore: 4, redFlags: ["cancer_history"], notes: PAYLOAD },
    },
  });
  expect(res.status()).toBe(201);
  const { id, manageUrl } = await res.json();
  // The sender proves the address with the emailed code, so the request joins a record clinicians see.
  const verified = await request.post(`/api/v1/appointment-requests/${id}/verification`, {
    headers: { "x-forwarded-for": uniqueClientIp() },
    data: { code: await emailedCode(await pageAs("admin"), "xavier@example.test") },
  });
  expect(verified.status()).toBe(200);

  for (const [persona, url] of [
    ["staff", "/desk"],
    ["staff", `/desk/patients?q=Xavier`],
    // The scheduler's week writes each cell's entries as one escaped HTML string.
    ["staff", `/desk/calendar?view=week&date=${slots.at(-1)!.start.slice(0, 10)}`],
    ["spine_physician", "/cases?q=xavier"],
  ] as const) {
    const page = await pageAs(persona);
    const dialogs: string[] = [];
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(url);
    await expect(page.getByText("Xavier <img src=x", { exact: false }).first()).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(dialogs).toEqual([]);
    if (url.startsWith("/cases")) {
      await page
        .getByRole("link", { name: /Xavier/ })
        .first()
        .click();
      await expect(page.getByText(`Patient's note: ${PAYLOAD}`)).toBeVisible();
      expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    }
  }
  // The manage page itself shows no patient-typed text (it may not be the patient holding the link); the
  // confirmation email it goes with greets the patient by the typed name, shown as text in the outbox.
  const patientPage = await pageAs("patientA");
  await patientPage.goto(new URL(manageUrl).pathname);
  await expect(patientPage.getByRole("heading", { level: 1 })).toBeVisible();
  expect(await patientPage.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  const admin = await pageAs("admin");
  await admin.goto("/admin/outbox");
  await admin.locator("summary", { hasText: "to xavier@example.test" }).first().click();
  await expect(admin.getByText(NAME, { exact: false }).first()).toBeVisible();
  expect(await admin.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
});
