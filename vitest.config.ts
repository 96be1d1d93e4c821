import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;
const resolve = {
  alias: [
    { find: /^@\//, replacement: `${root}/` },
    { find: "server-only", replacement: path.join(root, "db/testing/server-only-stub.ts") },
  ],
};
const include = (suffix: string) => ["lib", "db", "app"].map((dir) => `${dir}/**/*${suffix}`);

/**
 * Two projects: pure unit tests (`*.test.ts`, no database) and integration tests (`*.db.test.ts`) that
 * get an in-memory PGlite per file, or one throwaway PostgreSQL database per run with DATABASE_URL.
 */
export default defineConfig({
  resolve,
  test: {
    // next-auth imports "next/server" without an extension; let Vite resolve it.
    server: { deps: { inline: ["next-auth"] } },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      { resolve, test: { name: "unit", include: include(".test.ts"), exclude: include(".db.test.ts"), testTimeout: 30_000 } },
      {
        resolve,
        test: {
          name: "db",
          include: include(".db.test.ts"),
          globalSetup: ["db/testing/global-setup.ts"],
          setupFiles: ["db/testing/setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
