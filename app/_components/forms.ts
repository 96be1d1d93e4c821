import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import type { ActionResult } from "@/lib/actions/result";

/**
 * Puts a failed action's field errors on the form's inputs and returns the message to show above the
 * form (or null when the action succeeded).
 */
export function applyActionResult<F extends FieldValues, T>(result: ActionResult<T>, setError: UseFormSetError<F>): string | null {
  if (result.ok) return null;
  for (const [field, message] of Object.entries(result.error.fields ?? {})) {
    if (field !== "_") setError(field as Path<F>, { type: "server", message });
  }
  return result.error.message;
}

export const UNREACHABLE = "We could not reach the clinic — check your connection and try again. Nothing you entered is lost.";

/**
 * Calls a server action from a client component. A lost connection (the call throws) becomes a normal
 * failed result with a clear message, instead of silence or the error page.
 */
export async function callAction<T>(call: () => Promise<ActionResult<T>>): Promise<ActionResult<T>> {
  try {
    return await call();
  } catch {
    return { ok: false, error: { code: "unreachable", message: UNREACHABLE } };
  }
}
