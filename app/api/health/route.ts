import { NextResponse } from "next/server";
import { checkDatabase } from "@/lib/health";

export const dynamic = "force-dynamic";

/** Public: load balancers poll this. 200 only after a real query succeeded. */
export async function GET() {
  const ok = await checkDatabase();
  return NextResponse.json({ status: ok ? "ok" : "degraded", database: ok ? "ok" : "unreachable" }, { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
