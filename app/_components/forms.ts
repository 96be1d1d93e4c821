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
