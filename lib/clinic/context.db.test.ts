import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { forgetClinic, getClinic } from "./context";

/**
 * A transaction never waits on a clinic read still pending on the root pool: with every pooled connection
 * held by transactions waiting on it, that read could never get a connection (the 5-minute booking stalls
 * the bench saw). It reads through its own transaction instead, unless an answer is already in hand.
 */
describe("the clinic context inside a transaction", () => {
  it("does not hand a transaction a read still pending on the root pool, and reuses an answer once there is one", async () => {
    forgetClinic();
    const pending = getClinic();
    const inside = await getDb().transaction(async (tx) => {
      const read = getClinic(tx);
      expect(read).not.toBe(pending);
      return read;
    });
    const root = await pending;
    expect(inside.name).toBe(root.name);
    // Resolved now: a transaction gets the answer in hand, without a query.
    await getDb().transaction(async (tx) => {
      expect([root, inside]).toContain(await getClinic(tx));
    });
  });
});
