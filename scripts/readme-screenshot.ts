/**
 * Refreshes docs/screenshot.png (the README's picture of the home page) from a running app:
 *   PGLITE_DIR=/tmp/backline-shot node node_modules/next/dist/bin/next start -p 3400 &   # the demo clinic
 *   npx tsx scripts/readme-screenshot.ts http://127.0.0.1:3400
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { chromium } from "@playwright/test";

const base = process.argv[2] ?? "http://127.0.0.1:3000";
const executablePath = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);
const browser = await chromium.launch({ executablePath, args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto(base, { waitUntil: "networkidle" });
await page.screenshot({ path: path.join(import.meta.dirname, "..", "docs", "screenshot.png") });
await browser.close();
console.warn("wrote docs/screenshot.png");
