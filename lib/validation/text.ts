import { z } from "zod";

/**
 * Control characters: C0 except tab, line feed and carriage return, DEL, and C1. Nobody types them; they
 * arrive from scripts or odd pastes, are invisible on screen and in emails, and PostgreSQL refuses NUL in
 * text outright (a 500 before this). Refused with a field error wherever text comes in.
 */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
export const CONTROL_CHARACTER_MESSAGE = "Remove the invisible control characters from this text (they can come with pasted text)";

export function hasControlCharacters(value: string): boolean {
  return CONTROL.test(value);
}

/** The start of every text schema: a string without control characters (tab and new lines are fine). */
export function text() {
  return z.string().refine((value) => !hasControlCharacters(value), { message: CONTROL_CHARACTER_MESSAGE, abort: true });
}

/**
 * Every string inside `value` (objects, arrays, FormData turned into objects) that holds a control
 * character, as field errors keyed like zod's ("patient.name", "items.0.notes"). Server actions run it
 * before their schema (lib/actions/create-action.ts), so a schema written next year cannot forget it.
 */
export function controlCharacterFields(value: unknown, limit = 20): Record<string, string> {
  const fields: Record<string, string> = {};
  const seen = new Set<unknown>();
  const walk = (node: unknown, path: string[]) => {
    if (Object.keys(fields).length >= limit) return;
    if (typeof node === "string") {
      if (hasControlCharacters(node)) fields[path.join(".") || "_"] = CONTROL_CHARACTER_MESSAGE;
      return;
    }
    if (node === null || typeof node !== "object" || seen.has(node)) return;
    seen.add(node);
    if (Array.isArray(node)) node.forEach((item, i) => walk(item, [...path, String(i)]));
    else if (Object.getPrototypeOf(node) === Object.prototype || Object.getPrototypeOf(node) === null) {
      for (const [key, item] of Object.entries(node)) walk(item, [...path, key]);
    }
  };
  walk(value, []);
  return fields;
}
