import "server-only";
import type { z } from "zod";
import { requireApiUser, type CurrentUser } from "@/lib/auth";
import { AccessDenied } from "@/lib/auth/errors";
import type { Role } from "@/lib/auth/roles";
import { isConnectionError, isHandsOnGateViolation } from "@/db/errors";
import { errorFields } from "@/lib/log";
import { currentLogger } from "@/lib/request-context";
import { schemaFields } from "./result";
import type { ActionResult } from "./result";
import { DomainError, actionError, actionErrorOf } from "@/lib/errors";
import { formToObject } from "./form-data";
import { controlCharacterFields } from "@/lib/validation/text";

export type { ActionResult } from "./result";

export interface ActionMeta {
  /** "public": anyone may call it (sign-in, sign-out, public booking); it checks its own input. */
  roles: readonly Role[] | "public";
}

/** Which roles each action admits; the authorization test walks every exported action through this. */
export const actionRegistry = new WeakMap<(...args: never[]) => unknown, ActionMeta>();

/**
 * Every server action is built with this: 1. who (signed in, one of `roles`), 2. what (the same zod
 * schema the form used), 3. do it. Failures come back as { ok: false, error } — never a thrown 500.
 */
export function createAction<S extends z.ZodType, T>(
  options: { schema: S; roles: readonly Role[] },
  run: (input: z.infer<S>, user: CurrentUser) => Promise<T>,
): (input: z.input<S>) => Promise<ActionResult<T>> {
  const action = async (input: z.input<S>): Promise<ActionResult<T>> => {
    try {
      const user = await requireApiUser();
      if (!options.roles.includes(user.role)) throw new AccessDenied(403, "forbidden");
      // Control characters (NUL...) in any text are refused here, whatever the schema says.
      const control = controlCharacterFields(input);
      if (Object.keys(control).length) return actionError("invalid", "default", { fields: Object.fromEntries(Object.entries(control).map(([k, v]) => [k, { text: v }])) });
      const parsed = options.schema.safeParse(input);
      if (!parsed.success) return actionError("invalid", "default", { fields: schemaFields(parsed.error) });
      return { ok: true, data: await run(parsed.data, user) };
    } catch (err) {
      if (err instanceof DomainError) return actionErrorOf(err);
      if (isHandsOnGateViolation(err)) return actionError("hands_on_gate", "database");
      if (isConnectionError(err)) {
        (await currentLogger()).error(errorFields(err), "database unavailable in server action");
        return actionError("unavailable");
      }
      // Redirects and notFound() from inside an action must keep propagating.
      if (isNextControlFlow(err)) throw err;
      (await currentLogger()).error(errorFields(err), "unhandled error in server action");
      return actionError("internal");
    }
  };
  actionRegistry.set(action as (...args: never[]) => unknown, { roles: options.roles });
  return action;
}

/** Registers an action that is deliberately open to anonymous callers. */
export function markPublicAction(action: (...args: never[]) => unknown): void {
  actionRegistry.set(action, { roles: "public" });
}

function isNextControlFlow(err: unknown): boolean {
  const digest = (err as { digest?: unknown } | null)?.digest;
  return typeof digest === "string" && (digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK"));
}

/**
 * createAction for plain <form action> posts (useActionState): same checks, same result, FormData in.
 * Works without JavaScript; the page re-renders with fresh data through revalidatePath.
 */
export function createFormAction<S extends z.ZodType, T>(
  options: { schema: S; roles: readonly Role[] },
  run: (input: z.infer<S>, user: CurrentUser) => Promise<T>,
): (previous: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>> {
  const core = createAction(options, run);
  const action = async (_previous: ActionResult<T> | null, form: FormData) => core(formToObject(form) as z.input<S>);
  actionRegistry.set(action as (...args: never[]) => unknown, { roles: options.roles });
  return action;
}
