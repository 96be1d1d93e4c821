import { hash, verify } from "@node-rs/argon2";

/**
 * Argon2id with OWASP's minimum profile (19 MiB, 2 iterations, 1 lane): about 30 ms here, slow enough
 * to make offline guessing costly, fast enough for sign-in bursts. @node-rs/argon2 defaults to Argon2id.
 */
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export { MIN_PASSWORD_LENGTH } from "./password-policy";

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verified against when the email is unknown, so both paths cost the same time.
let dummyHash: Promise<string> | undefined;
export function timingDummyHash(): Promise<string> {
  dummyHash ??= hashPassword("not-a-real-password-for-timing");
  return dummyHash;
}
