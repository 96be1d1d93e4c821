import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * Every write of appointments.status goes through transitionAppointment (lib/appointments/commands.ts).
 * This walks the production code (lib/ and app/) and finds any other: a Drizzle `.update(appointments)`
 * whose `.set({...})` names `status` (or spreads something it cannot see into), an
 * `.insert(appointments).values({...})` that sets a status, or SQL text that does either.
 */
const ROOT = path.resolve(import.meta.dirname, "../..");
const OWNER = "lib/appointments/commands.ts";

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

/** Receiver chain of a call like `tx.update(appointments).set(...)`: does it contain `<method>(appointments)`? */
function chainHas(node: ts.Expression, method: string): boolean {
  let current: ts.Expression = node;
  while (true) {
    if (ts.isCallExpression(current)) {
      const callee = current.expression;
      if (ts.isPropertyAccessExpression(callee) && callee.name.text === method && current.arguments[0]?.getText() === "appointments") return true;
      current = callee;
    } else if (ts.isPropertyAccessExpression(current)) current = current.expression;
    else if (ts.isAwaitExpression(current) || ts.isParenthesizedExpression(current)) current = current.expression;
    else return false;
  }
}

/** `...appointmentWindow(service, start)`: times and buffers only (its return type has no status). */
function isWindowSpread(expression: ts.Expression): boolean {
  return ts.isCallExpression(expression) && expression.expression.getText() === "appointmentWindow";
}

function writesStatus(arg: ts.Expression | undefined): boolean {
  if (!arg) return false;
  const objects = ts.isArrayLiteralExpression(arg) ? arg.elements : [arg];
  return objects.some((o) => {
    if (!ts.isObjectLiteralExpression(o)) return true; // a variable: cannot prove it has no status
    return o.properties.some((p) => (ts.isSpreadAssignment(p) ? !isWindowSpread(p.expression) && writesStatus(p.expression) : p.name?.getText() === "status"));
  });
}

const SQL_WRITE = /update\s+"?appointments"?\s[\s\S]*?\bset\b[^;]*?"?\bstatus\b"?\s*=|insert\s+into\s+"?appointments"?\s*\([^)]*\bstatus\b/i;

export function statusWrites(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, fileName.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: string[] = [];
  const where = (node: ts.Node) => `${fileName}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const method = node.expression.name.text;
      if (method === "set" && chainHas(node.expression.expression, "update") && writesStatus(node.arguments[0])) found.push(where(node));
      if (method === "values" && chainHas(node.expression.expression, "insert") && writesStatus(node.arguments[0])) found.push(where(node));
    }
    if ((ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node) || ts.isStringLiteral(node)) && SQL_WRITE.test(node.getText())) found.push(where(node));
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe("appointment status writes", () => {
  it("happen only in the lifecycle's transitionAppointment", () => {
    const offenders = ["lib", "app"]
      .flatMap((dir) => sourceFiles(path.join(ROOT, dir)))
      .map((file) => path.relative(ROOT, file))
      .filter((file) => file !== OWNER)
      .flatMap((file) => statusWrites(file, readFileSync(path.join(ROOT, file), "utf8")));
    expect(offenders).toEqual([]);
  });

  it("the owner does write it (the scan sees a real write)", () => {
    expect(statusWrites(OWNER, readFileSync(path.join(ROOT, OWNER), "utf8")).length).toBeGreaterThan(0);
  });

  it("catches each way of bypassing it", () => {
    const bypasses = [
      `await tx.update(appointments).set({ status: "confirmed" }).where(eq(appointments.id, id));`,
      `await db.update(appointments).set({ ...changes, updatedAt: now }).where(x);`,
      `await tx.update(appointments).set(values);`,
      `await tx.insert(appointments).values({ patientId, status: "confirmed" });`,
      "await db.execute(sql`update appointments set status = 'confirmed' where id = ${id}`);",
      `await client.query("insert into appointments (patient_id, status) values ($1, $2)");`,
    ];
    for (const code of bypasses) expect(statusWrites("x.ts", code), code).toHaveLength(1);
    const harmless = [
      `await tx.update(appointments).set({ caseId }).where(eq(appointments.id, id));`,
      `await tx.update(cases).set({ status: "triaged" });`,
      `await tx.insert(appointments).values({ patientId, startsAt });`,
      `await tx.insert(appointments).values({ patientId, ...appointmentWindow(service, start) });`,
      "await db.execute(sql`select status from appointments`);",
    ];
    for (const code of harmless) expect(statusWrites("x.ts", code), code).toEqual([]);
  });
});
