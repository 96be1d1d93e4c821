import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * Embedded mode only: when AUTH_SECRET is unset and there is no DATABASE_URL, use (or create once) a
 * random secret in .data/auth-secret so `npm run dev` works on a fresh clone. With DATABASE_URL the
 * secret must come from the environment: every instance has to share it.
 */
export function ensureLocalAuthSecret(dir = path.join(process.cwd(), ".data")): void {
  if (process.env.AUTH_SECRET || process.env.DATABASE_URL) return;
  const file = path.join(dir, "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    try {
      writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
    } catch (err) {
      // Another process (next build and next start racing) made it first: use theirs.
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    }
  }
  process.env.AUTH_SECRET = readFileSync(file, "utf8").trim();
}
