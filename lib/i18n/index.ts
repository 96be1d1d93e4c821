import { createTranslator } from "use-intl/core";
import en from "./en.json";

/**
 * The one catalog of user-facing text (English for now: a second language is another catalog, not a
 * rewrite). Code stores and passes codes; the edges (action results, HTTP answers, pages) render them here.
 */
export type Messages = typeof en;
export const DEFAULT_LOCALE = "en";

const translators = new Map<string, ReturnType<typeof createTranslator<Messages>>>();

export function translator(locale: string = DEFAULT_LOCALE) {
  let t = translators.get(locale);
  if (!t) {
    t = createTranslator({ locale, messages: en });
    translators.set(locale, t);
  }
  return t;
}

type Params = Record<string, string | number>;

/** A message by its dotted key ("errors.not_found.case"), or null when the catalog has none. */
export function textOf(key: string, params: Params = {}, locale: string = DEFAULT_LOCALE): string | null {
  const t = translator(locale);
  return t.has(key as never) ? t(key as never, params as never) : null;
}
