import { mkdirSync } from "node:fs";
import { test as setup } from "@playwright/test";
import { AUTH_DIR, signIn, storageStateOf } from "./fixtures/test";
import { readWorld, type PersonaName } from "./fixtures/world";

// Signs every e2e persona in once through the real form; specs reuse these sessions.
setup("sign in every persona", async ({ browser }) => {
  // A dozen sign-ins (each an argon2 hash) on a small, shared machine.
  setup.setTimeout(120_000);
  mkdirSync(AUTH_DIR, { recursive: true });
  const world = readWorld();
  for (const [persona, account] of Object.entries(world.accounts) as Array<[PersonaName, { email: string }]>) {
    if (persona.startsWith("disposable") || persona === "regimenPatient") continue;
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, account.email, world.password);
    await context.storageState({ path: storageStateOf(persona) });
    await context.close();
  }
});
