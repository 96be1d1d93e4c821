import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { pgErrorCode } from "@/db/errors";
import { auditEvents } from "@/db/schema";
import { createCase, createPatient, createUser } from "@/db/seed/factories";
import { recordAuditEvent } from "./index";

describe("audit_events is append-only", () => {
  it("accepts inserts and refuses UPDATE, DELETE and TRUNCATE", async () => {
    const db = getDb();
    const admin = await createUser(db, { role: "admin" });
    await recordAuditEvent(db, { actor: admin, action: "test.appended" });
    const [row] = await db.select().from(auditEvents).where(eq(auditEvents.actorUserId, admin.id));
    expect(row).toMatchObject({ action: "test.appended", actorRole: "admin" });
    const codeOf = async (p: Promise<unknown>) =>
      p.then(
        () => "no error",
        (err) => pgErrorCode(err),
      );
    expect(await codeOf(db.update(auditEvents).set({ action: "tampered" }).where(eq(auditEvents.id, row!.id)))).toBe("42501");
    expect(await codeOf(db.delete(auditEvents).where(eq(auditEvents.id, row!.id)))).toBe("42501");
    expect(await codeOf(db.execute(sql`truncate audit_events`))).toBe("42501");
    const [still] = await db.select().from(auditEvents).where(eq(auditEvents.id, row!.id));
    expect(still?.action).toBe("test.appended");
  });
});

describe("an event about a case", () => {
  it("is filed under the case's patient even when the caller only knew the case", async () => {
    const db = getDb();
    const admin = await createUser(db, { role: "admin" });
    const patient = await createPatient(db, {});
    const c = await createCase(db, { patientId: patient.id });
    await recordAuditEvent(db, { actor: admin, action: "test.case_touched", caseId: c.id });
    const [row] = await db.select().from(auditEvents).where(eq(auditEvents.action, "test.case_touched"));
    expect(row).toMatchObject({ caseId: c.id, patientId: patient.id });
  });
});
