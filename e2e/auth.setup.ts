import { mkdirSync } from "node:fs";
import { test as setup } from "@playwright/test";
import { AUTH_DIR, signIn, storageStateOf } from "./fixtures/test";
import { UNSHARED_PERSONAS, readWorld, type PersonaName } from "./fixtures/world";

// Signs every e2e persona in once through the real form; specs reuse these sessions.
setup("sign in every persona", async ({ browser }) => {
  // About a dozen real sign-ins (Argon2id each) in a row: more than one test's default 30 s on a busy 2-core machine.
  setup.setTimeout(120_000);
  mkdirSync(AUTH_DIR, { recursive: true });
  const world = readWorld();
  for (const [persona, account] of Object.entries(world.accounts) as Array<[PersonaName, { email: string }]>) {
    if (UNSHARED_PERSONAS.has(persona)) continue;
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, account.email, world.password);
    await context.storageState({ path: storageStateOf(persona) });
    await context.close();
  }
});
