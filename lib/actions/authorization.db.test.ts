import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { createUser } from "@/db/seed/factories";
import { ROLES, type Role } from "@/lib/auth/roles";
import { createSession } from "@/lib/auth/sessions";
import { actionRegistry } from "./create-action";
import { ROOT, serverActionFiles } from "@/db/testing/server-actions";
import type { ActionResult } from "./result";

/**
 * Every server action in the code base, found by scanning for "use server" files, is called as an
 * anonymous visitor and as every role it does not admit: each must refuse before touching its input.
 * An action not built with createAction (or marked public) fails this test.
 */

const session = vi.hoisted(() => ({ current: null as { sid: string } | null }));
vi.mock("@/lib/auth/next-auth", () => ({
  auth: async () => session.current,
  signIn: async () => {
    throw new Error("not in this test");
  },
  signOut: async () => {
    throw new Error("not in this test");
  },
}));

const root = ROOT;

type AnyAction = (input: unknown) => Promise<ActionResult<unknown>>;
const files = serverActionFiles();
const sessions = new Map<Role, string>();

beforeAll(async () => {
  for (const role of ROLES) {
    const user = await createUser(getDb(), { role });
    sessions.set(role, await createSession(getDb(), { userId: user.id, sessionVersion: 1, ip: null, userAgent: null }));
  }
});

describe("server actions", () => {
  it("are found", () => {
    expect(files.length).toBeGreaterThanOrEqual(3);
  });

  describe.each(files)("%s", (file) => {
    it("every export is registered and refuses anonymous and wrong-role callers", async () => {
      const mod = (await import(path.join(root, file))) as Record<string, unknown>;
      const exported = Object.entries(mod).filter(([, v]) => typeof v === "function");
      expect(exported.length).toBeGreaterThan(0);
      for (const [name, fn] of exported) {
        const meta = actionRegistry.get(fn as never);
        expect(meta, `${file}#${name} is not built with createAction or marked public`).toBeDefined();
        if (!meta || meta.roles === "public") continue;
        const action = fn as AnyAction;

        session.current = null;
        expect(await action({}), `${name} as anonymous`).toMatchObject({ ok: false, error: { code: "unauthenticated" } });

        for (const role of ROLES) {
          session.current = { sid: sessions.get(role)! };
          const result = await action({});
          if (meta.roles.includes(role)) {
            // Admitted: it gets as far as validating the (empty) input.
            expect(result, `${name} as ${role}`).toMatchObject({ ok: false, error: { code: "invalid" } });
          } else {
            expect(result, `${name} as ${role}`).toMatchObject({ ok: false, error: { code: "forbidden" } });
          }
        }
      }
    });
  });
});
