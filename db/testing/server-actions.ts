import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "../..");

/** Every "use server" module under app/ and lib/ (paths relative to the project root). */
export function serverActionFiles(): string[] {
  return ["app", "lib"].flatMap((dir) =>
    (readdirSync(path.join(ROOT, dir), { recursive: true }) as string[])
      .filter((f) => /\.(ts|tsx)$/.test(f) && !f.includes(".test."))
      .map((f) => path.join(dir, f))
      .filter((f) => /^\s*["']use server["']/.test(readFileSync(path.join(ROOT, f), "utf8"))),
  );
}
