/** FormData → plain object: "a.b" nests, "items.0.x" makes arrays, repeated names become arrays. */
export function formToObject(form: FormData | undefined | null): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!form || typeof (form as FormData).entries !== "function") return out;
  for (const [rawKey, value] of form.entries()) {
    if (typeof value !== "string" || rawKey.startsWith("$ACTION")) continue;
    const path = rawKey.split(".");
    let node: Record<string, unknown> | unknown[] = out;
    path.forEach((part, i) => {
      const last = i === path.length - 1;
      const key: string | number = /^\d+$/.test(part) ? Number(part) : part;
      const container = node as Record<string | number, unknown>;
      if (last) {
        const existing = container[key];
        container[key] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
      } else {
        container[key] ??= /^\d+$/.test(path[i + 1]!) ? [] : {};
        node = container[key] as Record<string, unknown>;
      }
    });
  }
  return out;
}
