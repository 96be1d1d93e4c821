import { describe, expect, it } from "vitest";
import { AppointmentRequestSchema, isMinorBirthDate } from "./schemas";

const isoDaysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
const yearsAgo = (years: number, plusDays = 0) => {
  const d = new Date();
  d.setUTCFullYear(d.getUTCFullYear() - years);
  d.setUTCDate(d.getUTCDate() + plusDays);
  return d.toISOString().slice(0, 10);
};

const base = {
  service: "deep-tissue-massage-60",
  practitionerId: "0b6f3f6e-9a4b-4c5e-8d2a-1b2c3d4e5f60",
  start: "2026-12-20T10:00:00-05:00",
  patient: { name: "Pat Example", email: "pat@example.test", phone: "+1 212 555 0100", dateOfBirth: "1980-02-03" },
  intake: { painStartedOn: "2026-11-01", painScore: 5, redFlags: [] },
};
const errorsOf = (input: unknown) => {
  const r = AppointmentRequestSchema.safeParse(input);
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message]));
};

describe("dates on a request", () => {
  it("refuses a date of birth in the future or more than 120 years ago", () => {
    expect(errorsOf({ ...base, patient: { ...base.patient, dateOfBirth: isoDaysAgo(-2) } })).toHaveProperty(["patient.dateOfBirth"]);
    expect(errorsOf({ ...base, patient: { ...base.patient, dateOfBirth: yearsAgo(120, -2) } })).toHaveProperty(["patient.dateOfBirth"]);
    expect(errorsOf({ ...base, patient: { ...base.patient, dateOfBirth: yearsAgo(101) } })).toEqual({});
  });

  it("refuses pain that started before birth or after today", () => {
    expect(errorsOf({ ...base, intake: { ...base.intake, painStartedOn: "1979-12-31" } })).toEqual({ "intake.painStartedOn": "The pain cannot start before the date of birth" });
    expect(errorsOf({ ...base, intake: { ...base.intake, painStartedOn: isoDaysAgo(-3) } })).toHaveProperty(["intake.painStartedOn"]);
  });
});

describe("a patient under 18", () => {
  const child = { ...base, patient: { ...base.patient, dateOfBirth: yearsAgo(11) }, intake: { ...base.intake, painStartedOn: isoDaysAgo(10) } };
  it("needs a parent or guardian who consents", () => {
    expect(errorsOf(child)).toHaveProperty(["guardian.name"]);
    expect(errorsOf({ ...child, guardian: { name: "Maria Young", relationship: "mother", consent: false } })).toHaveProperty(["guardian.consent"]);
    expect(errorsOf({ ...child, guardian: { name: "Maria Young", relationship: "mother", consent: true } })).toEqual({});
  });

  it("is a minor until the 18th birthday", () => {
    expect(isMinorBirthDate(yearsAgo(18, 1))).toBe(true);
    expect(isMinorBirthDate(yearsAgo(18))).toBe(false);
    expect(errorsOf({ ...base, patient: { ...base.patient, dateOfBirth: yearsAgo(18) } })).toEqual({});
  });
});
