import { defineConfig } from "drizzle-kit";

// drizzle-kit only generates SQL here; db/migrate.ts applies it to PGlite or PostgreSQL alike.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
});
