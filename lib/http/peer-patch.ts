import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { PEER_ADDRESS_HEADER } from "./ip";

/**
 * Client addresses come from a header the patched Next server sets from the socket (lib/http/ip.ts). An
 * install that skipped patch-package (e.g. `npm ci --ignore-scripts`) would see every client as "unknown":
 * one shared bucket for every per-address limit. A production server refuses to start that way.
 */
export function assertPeerAddressPatch(): void {
  const file = path.join(process.cwd(), "node_modules", "next", "dist", "server", "lib", "router-server.js");
  if (!existsSync(file)) return; // an unusual layout: nothing to check against
  if (readFileSync(file, "utf8").includes(`'${PEER_ADDRESS_HEADER}'`)) return;
  const problem = "Next.js is not patched (patches/next+16.4.6.patch): client addresses cannot be read. Run `npm ci`, which applies the patches.";
  if (process.env.NODE_ENV === "production") throw new Error(`Backline cannot start: ${problem}`);
  console.warn(problem);
}
