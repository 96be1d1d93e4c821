import { randomBytes } from "node:crypto";
import postgres from "postgres";

/**
 * A database of its own for one test run on the server DATABASE_URL points at; dropped afterwards.
 * Returns the URL of the new database.
 */
export async function createThrowawayDatabase(baseUrl: string, label: string): Promise<string> {
  const name = `backline_${label}_${Date.now()}_${randomBytes(3).toString("hex")}`;
  const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropThrowawayDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  if (!name.startsWith("backline_")) throw new Error(`refusing to drop ${name}: not a throwaway database`);
  const base = new URL(url);
  base.pathname = "/postgres";
  const admin = postgres(base.toString(), { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
  } finally {
    await admin.end();
  }
}
