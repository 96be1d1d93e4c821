import { expect, test } from "./fixtures/test";

test.describe("front desk and case conference", () => {
  test("the front desk confirms a request", async ({ pageAs, world }) => {
    const desk = await pageAs("staff");
    await desk.goto("/desk");
    const card = desk.getByRole("region", { name: `Request from ${world.request.patientName}` }).or(desk.getByLabel(`Request from ${world.request.patientName}`));
    await expect(card).toBeVisible();
    await expect(card).toContainText("Routine");
    await card.getByRole("button", { name: "Confirm" }).click();
    await expect(desk.getByLabel(`Request from ${world.request.patientName}`)).toHaveCount(0);
  });

  test("a nominated case gets a decision and an action another practitioner completes", async ({ pageAs, world }) => {
    const physician = await pageAs("spine_physician");
    await physician.goto(`/cases/${world.conferenceCase.id}`);
    await physician.getByText("Nominate for the case conference").click();
    await physician.getByLabel("Why should the team discuss it?").fill("No improvement after 8 weeks of care");
    await physician.getByRole("button", { name: "Nominate" }).click();
    await expect(physician.getByRole("status").filter({ hasText: "Added to the next conference" })).toBeVisible();

    await physician.goto("/cases/conference");
    const item = physician.getByRole("region", { name: new RegExp(world.conferenceCase.patientName) });
    await expect(item).toContainText("No improvement after 8 weeks of care");
    await item.getByLabel("Recommendation").fill("Add a graded walking programme; review imaging.");
    await item.getByLabel("Owner 1").selectOption(world.practitionerIds.physical_therapist);
    await item.getByLabel("Action 1").fill("Start a graded walking programme");
    await item.getByLabel("Due 1").fill("2030-01-15");
    await item.getByLabel("Move the case to").selectOption("in_care");
    await item.getByRole("button", { name: "Save decision" }).click();
    await expect(item.getByText("Discussed")).toBeVisible();

    const physio = await pageAs("physical_therapist");
    await physio.goto("/cases");
    const mine = physio.getByRole("listitem").filter({ hasText: "Start a graded walking programme" });
    await expect(mine).toContainText(world.conferenceCase.patientName);
    await mine.getByRole("button", { name: "Mark done" }).click();
    await expect(physio.getByRole("listitem").filter({ hasText: "Start a graded walking programme" })).toHaveCount(0);

    await physician.goto(`/cases/${world.conferenceCase.id}`);
    await expect(physician.getByText("Start a graded walking programme (due 2030-01-15)")).toBeVisible();
    await expect(physician.getByText("Done", { exact: true })).toBeVisible();
  });

  test("opening a case page writes exactly one audit row", async ({ pageAs, world }) => {
    const admin = await pageAs("admin");
    const count = async () => {
      await admin.goto(`/admin/audit?action=case.viewed&patient=${encodeURIComponent(world.auditCase.patientName)}`);
      return admin.getByRole("table", { name: "Audit events" }).getByRole("row").filter({ hasText: "case.viewed" }).count();
    };
    expect(await count()).toBe(0);
    const nurse = await pageAs("nurse");
    await nurse.goto(`/cases/${world.auditCase.id}`);
    await expect(nurse.getByRole("heading", { name: world.auditCase.patientName })).toBeVisible();
    expect(await count()).toBe(1);
    await nurse.reload();
    expect(await count()).toBe(2);
  });

  test("a patient sees who looked at their record", async ({ pageAs, world }) => {
    const physician = await pageAs("spine_physician");
    await physician.goto(`/cases/${world.caseA.id}`);
    const patient = await pageAs("patientA");
    await patient.goto("/portal/access");
    await expect(patient.getByRole("table", { name: "Access to your record" })).toContainText("Opened your case");
  });
});
