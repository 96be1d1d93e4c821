const UNSAFE = new Set(["__proto__", "constructor", "prototype"]);

/**
 * FormData → plain object: "a.b" nests, "items.0.x" makes arrays, repeated names become arrays.
 * Names with empty or unsafe segments (prototype pollution) and clashing shapes are dropped; anything
 * that is not FormData gives an empty object.
 */
export function formToObject(form: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!(form instanceof FormData)) return out;
  for (const [rawKey, value] of form.entries()) {
    if (typeof value !== "string" || rawKey.startsWith("$ACTION")) continue;
    const path = rawKey.split(".");
    if (path.some((p) => p === "" || UNSAFE.has(p))) continue;
    let node: Record<string | number, unknown> = out;
    for (let i = 0; i < path.length; i++) {
      const part = path[i]!;
      const key: string | number = /^\d+$/.test(part) ? Number(part) : part;
      if (i === path.length - 1) {
        const existing = node[key];
        if (existing !== undefined && typeof existing === "object" && !Array.isArray(existing)) break; // "a" after "a.b"
        node[key] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
        break;
      }
      const next: unknown = node[key] ?? (/^\d+$/.test(path[i + 1]!) ? [] : {});
      if (typeof next !== "object" || next === null) break; // "a.b" after "a": keep the first
      node[key] = next;
      node = next as Record<string | number, unknown>;
    }
  }
  return out;
}
